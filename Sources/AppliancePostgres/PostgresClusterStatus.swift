import Appliance
import Foundation

/// `cluster status` from both servers: each node's role (asked, not assumed), replication
/// as the primary sees it, repmgrd, and the last promotion from `repmgr.events`.
enum PostgresClusterStatus {
  static func read(_ directory: URL, membership: ClusterMembership) throws -> ClusterStatus {
    let nodes = try PostgresClusterNodes(
      directory, peer: membership.peer.map { URL(fileURLWithPath: $0) })
    var roles: [Int: Bool?] = [:]
    for entry in nodes.entries { roles[entry.id] = nodes.isPrimary(entry) }
    let primary = nodes.entries.first { roles[$0.id] == .some(true) }
    var replication: [String: (state: String, sync: String, bytes: Int64, seconds: Double)] = [:]
    var synchronousNames = ""
    var lastFailover: ClusterEvent?
    if let primary, let db = try? nodes.connect(primary) {
      defer { db.close() }
      for row
        in (try? db.query(
          "SELECT application_name, state, sync_state,"
            + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::int8,"
            + " extract(epoch FROM coalesce(replay_lag, '0'))::float8 FROM pg_stat_replication"))
        ?? []
      {
        replication[row[0].string] = (row[1].string, row[2].string, row[3].int, row[4].real)
      }
      synchronousNames = (try? db.query("SHOW synchronous_standby_names").first?[0].string) ?? ""
      lastFailover = Self.lastFailover(db, nodes: nodes)
    } else {
      for entry in nodes.entries where roles[entry.id] != .some(nil) {
        guard let db = try? nodes.connect(entry) else { continue }
        lastFailover = Self.lastFailover(db, nodes: nodes)
        db.close()
        break
      }
    }
    let statuses = nodes.entries.map { entry -> ClusterNodeStatus in
      let role: String
      switch roles[entry.id] ?? nil {
      case true?: role = "primary"
      case false?: role = "standby"
      case nil: role = "down"
      }
      let seen = replication[entry.name]
      var repmgrd: Bool?
      if role != "down", let db = try? nodes.connect(entry) {
        repmgrd = (try? db.query("SELECT repmgr.repmgrd_is_running()").first?[0].bool)
        db.close()
      }
      return ClusterNodeStatus(
        name: entry.name, id: entry.id, role: role, registeredAs: entry.type,
        address: "127.0.0.1:\(entry.port)",
        upstream: entry.upstream.flatMap { id in nodes.entries.first { $0.id == id }?.name },
        replication: seen?.state, syncState: seen?.sync, lagBytes: seen?.bytes,
        lagSeconds: seen?.seconds, repmgrd: repmgrd, isLocal: entry.id == nodes.record.nodeId)
    }
    let synchronous =
      !synchronousNames.isEmpty && replication.values.contains { $0.sync == "sync" }
    return ClusterStatus(
      clusterId: membership.clusterId, managementAddress: membership.managementAddress.description,
      interface: membership.interface, localNode: nodes.record.nodeName, nodes: statuses,
      synchronous: synchronous, lastFailover: lastFailover)
  }

  private static func lastFailover(_ db: PGConnection, nodes: PostgresClusterNodes)
    -> ClusterEvent?
  {
    guard
      let row = try? db.query(
        "SELECT event, node_id::int8, to_char(event_timestamp AT TIME ZONE 'UTC',"
          + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), coalesce(details, '') FROM repmgr.events"
          + " WHERE successful AND event IN ('repmgrd_failover_promote', 'standby_promote',"
          + " 'standby_switchover') ORDER BY event_timestamp DESC LIMIT 1"
      ).first
    else { return nil }
    let id = Int(row[1].int)
    return ClusterEvent(
      event: row[0].string, node: nodes.entries.first { $0.id == id }?.name ?? "node\(id)",
      time: row[2].string, details: row[3].string)
  }
}
