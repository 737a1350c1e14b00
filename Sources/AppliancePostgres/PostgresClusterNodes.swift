import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The pair as repmgr's metadata lists it, reached as the `repmgr` user: who is who, on which
/// port, and small waits the cluster operations share.
struct PostgresClusterNodes {
  struct Entry {
    var id: Int
    var name: String
    var type: String
    var upstream: Int?
    var port: Int
  }

  let local: RepmgrNode
  let record: RepmgrNode.Record
  let password: String
  let entries: [Entry]

  /// Reads the node list from this node's server, else from any port named in its files.
  init(_ directory: URL, peer: URL? = nil) throws {
    local = RepmgrNode(instance: directory)
    record = try local.record()
    password = try local.repmgrPassword()
    var ports = [record.port]
    if let peer, let peerRecord = try? RepmgrNode(instance: peer).record() {
      ports.append(peerRecord.port)
    }
    var found: [Entry]?
    for port in ports {
      guard let db = try? Self.connect(port: port, password: password) else { continue }
      defer { db.close() }
      if let rows = try? db.query(
        "SELECT node_id::int8, node_name, type, upstream_node_id::int8, conninfo FROM repmgr.nodes"
          + " ORDER BY node_id")
      {
        found = rows.map {
          Entry(
            id: Int($0[0].int), name: $0[1].string, type: $0[2].string,
            upstream: $0[3].intOrNil.map(Int.init), port: Self.port(inConninfo: $0[4].string))
        }
        break
      }
    }
    entries =
      found ?? [Entry(id: record.nodeId, name: record.nodeName, type: "?", port: record.port)]
  }

  static func port(inConninfo text: String) -> Int {
    for word in text.split(separator: " ") where word.hasPrefix("port=") {
      return Int(word.dropFirst(5)) ?? 0
    }
    return 0
  }

  static func connect(port: Int, password: String) throws -> PGConnection {
    try PGConnection(
      RepmgrNode.endpoint(port: port, password: password), timeout: .seconds(2))
  }

  func connect(_ entry: Entry) throws -> PGConnection {
    try Self.connect(port: entry.port, password: password)
  }

  var me: Entry { entries.first { $0.id == record.nodeId }! }
  var others: [Entry] { entries.filter { $0.id != record.nodeId } }

  /// `true` primary, `false` standby, nil unreachable.
  func isPrimary(_ entry: Entry) -> Bool? {
    guard let db = try? connect(entry) else { return nil }
    defer { db.close() }
    guard let row = try? db.query("SELECT pg_is_in_recovery()").first else { return nil }
    return !row[0].bool
  }

  /// The reachable node that is primary now.
  func currentPrimary() -> Entry? {
    entries.first { isPrimary($0) == true }
  }

  /// Polls `condition` every 0.1 s for up to `seconds`.
  static func wait(_ what: String, seconds: Double, _ condition: () -> Bool) throws {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if condition() { return }
      usleep(100_000)
    }
    throw ApplianceError.failed("timed out after \(Int(seconds)) s waiting for \(what)")
  }

  /// On `primary`: whether `standby` streams from it (and, when `sync`, synchronously).
  func streams(_ standby: String, from primary: Entry, sync: Bool) -> Bool {
    guard let db = try? connect(primary) else { return false }
    defer { db.close() }
    let rows =
      (try? db.query(
        "SELECT state, sync_state FROM pg_stat_replication WHERE application_name = $1",
        [.text(standby)])) ?? []
    return rows.contains { $0[0].string == "streaming" && (!sync || $0[1].string == "sync") }
  }

  /// Whether `entry`'s repmgrd runs, is not paused and saw its upstream (`upstream`) lately.
  func monitors(_ entry: Entry, upstream: Int, pausedToo: Bool = false) -> Bool {
    guard let db = try? connect(entry) else { return false }
    defer { db.close() }
    let row = try? db.query(
      "SELECT repmgr.repmgrd_is_running() AND (\(pausedToo) OR NOT repmgr.repmgrd_is_paused())"
        + " AND repmgr.get_upstream_node_id() = $1"
        + " AND repmgr.get_upstream_last_seen() BETWEEN 0 AND 3",
      [.int(upstream)]
    ).first
    return row?[0].bool ?? false
  }
}
