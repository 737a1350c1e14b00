import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two real PostgreSQL instances on loopback, paired by `cluster setup` (repmgr, synchronous
/// streaming replication, repmgrd): replication, failover after SIGKILL, rejoin, refusals.
/// Every server and daemon a test starts is stopped before it ends.
@Suite(.serialized, .enabled(if: ClusterNodes.available, "needs root and postgresql-15-repmgr"))
struct ClusterEndToEndTests {
  let home = TempDir("trsh-cluster-home")
  let dir = TempDir("trsh-cluster")

  var a: String { dir.file("a") }
  var b: String { dir.file("b") }

  func t(_ instance: String, _ arguments: [String]) throws -> RunResult {
    try spawnedTrsh(["--instance", instance] + arguments, home: home)
  }

  /// A 5.x PostgreSQL instance whose eth1 is 172.16.40.N/24.
  func makeNode(_ path: String, sample: Int, version: String = "5.x", host: Int) throws {
    var create = ["instance", "create", path, "--engine", "postgresql", "--version", version]
    if sample > 0 { create += ["--sample-data", String(sample), "--seed", "1"] }
    let made = try spawnedTrsh(create, home: home)
    #expect(made.status == 0, "\(made.stderr)")
    let net = "Configurations/Networking/Interfaces/"
    let set = try t(
      path,
      [
        "-c",
        "settings set \(net)eth1.address 172.16.40.\(host); settings set \(net)eth1.netmask 255.255.255.0",
      ])
    #expect(set.status == 0, "\(set.stderr)")
  }

  func setup(_ instance: String, role: String, ip: String = "172.16.40.10/24", peer: String? = nil)
    throws -> RunResult
  {
    var arguments = [
      "cluster", "setup", "--role", role, "--cluster-id", "7", "--management-ip", ip,
      "--interface", "eth1",
    ]
    if let peer { arguments += ["--peer", peer] }
    return try t(instance, arguments)
  }

  func status(_ instance: String) throws -> [String: Any] {
    let r = try t(instance, ["cluster", "status", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]) ?? [:]
  }

  func roles(_ s: [String: Any]) -> [String: String] {
    var roles: [String: String] = [:]
    for node in s["nodes"] as? [[String: Any]] ?? [] {
      roles[node["name"] as? String ?? "?"] = node["role"] as? String
    }
    return roles
  }

  func node(_ s: [String: Any], _ name: String) -> [String: Any] {
    (s["nodes"] as? [[String: Any]] ?? []).first { $0["name"] as? String == name } ?? [:]
  }

  func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if try condition() { return true }
      usleep(100_000)
    }
    return try condition()
  }

  /// Forms the pair a (primary, sample data) + b (empty secondary).
  func formPair() throws {
    try makeNode(a, sample: 10, host: 1)
    try makeNode(b, sample: 0, host: 2)
    let primary = try setup(a, role: "primary")
    #expect(primary.status == 0, "\(primary.stderr)")
    let secondary = try setup(b, role: "secondary", peer: a)
    #expect(secondary.status == 0, "\(secondary.stderr)")
  }

  /// SIGKILLs the primary's postmaster and returns the seconds until b answers as primary.
  func killAndTimeFailover(primary: String, standby: String, standbyName: String) throws -> Double?
  {
    guard let pid = ClusterNodes.postmasterPid(primary) else { return nil }
    let started = Date()
    kill(pid, SIGKILL)
    let port = ClusterNodes.port(standby)
    let promoted = eventually(30) {
      ClusterNodes.psql(standby, port: port, "SELECT pg_is_in_recovery()")?.hasPrefix("f") == true
    }
    return promoted ? Date().timeIntervalSince(started) : nil
  }

  @Test func pairReplicatesFailsOverAndRejoins() throws {
    defer { ClusterNodes.stopAll([a, b]) }
    try formPair()
    var s = try status(b)
    #expect(roles(s) == ["node1": "primary", "node2": "standby"])
    #expect(s["synchronous"] as? Bool == true)
    #expect(node(s, "node2")["syncState"] as? String == "sync")

    // Writes on the primary are on the standby.
    let source = "CSV - SIEM export"
    #expect(try t(a, ["alert-source", "disable", source]).status == 0)
    #expect(try t(a, ["settings", "set", "Monitoring/Logging/level", "debug"]).status == 0)
    #expect(
      try eventually(5) {
        try t(b, ["show", "status"]).stdout.contains("5 enabled of 6")
      })
    #expect(try t(b, ["settings", "show", "Monitoring/Logging"]).stdout.contains("debug"))
    let verify = try t(b, ["cluster", "verify"])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("synchronized"))
    let plan = try t(a, ["upgrade", "plan"])
    #expect(plan.stdout.contains("Cluster path"), "\(plan.stdout)")

    // Kill -9 the primary's postmaster: repmgrd promotes b.
    let seconds = try #require(
      try killAndTimeFailover(primary: a, standby: b, standbyName: "node2"))
    print("cluster failover after SIGKILL of the primary: \(String(format: "%.2f", seconds)) s")
    #expect(seconds < 15)
    // repmgr records the promotion a moment after the server answers as primary.
    #expect(try eventually(10) { try status(b)["lastFailover"] != nil })
    s = try status(b)
    #expect(roles(s) == ["node1": "down", "node2": "primary"])
    // repmgrd's promotion records standby_promote, then repmgrd_failover_promote.
    #expect(
      ["repmgrd_failover_promote", "standby_promote"].contains(
        (s["lastFailover"] as? [String: Any])?["event"] as? String ?? ""))
    s = try status(a)
    #expect(roles(s) == ["node1": "down", "node2": "primary"])
    #expect(s["localNode"] as? String == "node1")
    // The old primary's server is not started behind repmgr's back.
    let stale = try t(a, ["show", "status"])
    #expect(stale.status != 0)
    #expect(stale.stderr.contains("cluster rejoin"))

    // The old node rejoins as the synchronous standby; writes on the new primary reach it.
    // (Required: with synchronous replication and no standby, commits on the primary wait.)
    let rejoin = try t(a, ["cluster", "rejoin"])
    try #require(rejoin.status == 0, "\(rejoin.stderr)")
    s = try status(a)
    #expect(roles(s) == ["node1": "standby", "node2": "primary"])
    #expect(node(s, "node1")["syncState"] as? String == "sync")
    #expect(try t(b, ["settings", "set", "Monitoring/Logging/level", "warning"]).status == 0)
    #expect(
      try eventually(5) {
        try t(a, ["settings", "show", "Monitoring/Logging"]).stdout.contains("warning")
      })

    // Planned switchover back: node1 primary again, nothing lost.
    let switched = try t(a, ["cluster", "switchover"])
    try #require(switched.status == 0, "\(switched.stderr)")
    s = try status(b)
    #expect(roles(s) == ["node1": "primary", "node2": "standby"])
    #expect((s["lastFailover"] as? [String: Any])?["event"] as? String == "standby_promote")

    // Manual failover: refused while the primary answers; with repmgrd stopped on the
    // standby and the primary killed, `cluster failover` promotes it.
    let early = try t(b, ["cluster", "failover"])
    #expect(early.status == 3)
    #expect(early.stderr.contains("cluster switchover"), "\(early.stderr)")
    ClusterNodes.stopDaemon(b)
    let primaryPid = try #require(ClusterNodes.postmasterPid(a))
    kill(primaryPid, SIGKILL)
    let promoted = try t(b, ["cluster", "failover"])
    #expect(promoted.status == 0, "\(promoted.stderr)")
    #expect(roles(try status(b)) == ["node1": "down", "node2": "primary"])
    let back = try t(a, ["cluster", "rejoin"])
    try #require(back.status == 0, "\(back.stderr)")
    s = try status(a)
    #expect(roles(s) == ["node1": "standby", "node2": "primary"])
    #expect(node(s, "node2")["repmgrd"] as? Bool == true)

    // Leaving: the secondary first, then the primary; both run standalone.
    #expect(try t(b, ["cluster", "leave", "--yes"]).status == 3)
    #expect(try t(a, ["cluster", "leave", "--yes"]).status == 0)
    #expect(try t(b, ["cluster", "leave", "--yes"]).status == 0)
    #expect(try t(b, ["settings", "set", "Monitoring/Logging/level", "info"]).status == 0)
    #expect(try t(a, ["settings", "set", "Monitoring/Logging/level", "warning"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: "\(a)/cluster.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(b)/cluster.json"))
  }

  /// Refusals: each changes nothing on the secondary (no membership, no cluster files, its own
  /// data still served).
  @Test func refusalsChangeNothing() throws {
    let c = dir.file("c")
    let d = dir.file("d")
    let lite = dir.file("lite")
    defer { ClusterNodes.stopAll([a, b, c, d]) }
    // A cluster command on a SQLite instance says what to do.
    #expect(try spawnedTrsh(["instance", "create", lite], home: home).status == 0)
    let onLite = try t(lite, ["cluster", "status"])
    #expect(onLite.status == 1)
    #expect(onLite.stderr.contains("SQLite"))
    #expect(onLite.stderr.contains("instance create DIR --engine postgresql"))
    #expect(
      try t(
        lite,
        [
          "cluster", "setup", "--role", "primary", "--cluster-id", "1",
          "--management-ip", "10.0.0.5/24", "--interface", "eth1",
        ]
      ).status == 1)

    try makeNode(a, sample: 5, host: 1)
    try makeNode(b, sample: 0, version: "5.2", host: 2)
    try makeNode(c, sample: 5, host: 3)
    try makeNode(d, sample: 0, host: 4)
    #expect(try setup(a, role: "primary").status == 0)

    func unchanged(_ node: String) throws {
      #expect(!FileManager.default.fileExists(atPath: "\(node)/cluster.json"))
      #expect(!FileManager.default.fileExists(atPath: "\(node)/cluster"))
      #expect(try t(node, ["show", "status"]).status == 0)
    }
    let version = try setup(b, role: "secondary", peer: a)
    #expect(version.status == 4)
    #expect(version.stderr.contains("different versions"), "\(version.stderr)")
    try unchanged(b)

    let outside = try setup(d, role: "secondary", ip: "10.9.9.9/24", peer: a)
    #expect(outside.status == 4)
    #expect(outside.stderr.contains("outside the subnet"), "\(outside.stderr)")
    try unchanged(d)

    let withData = try setup(c, role: "secondary", peer: a)
    #expect(withData.status == 4)
    #expect(withData.stderr.contains("holds 5 incidents"), "\(withData.stderr)")
    #expect(withData.stderr.contains("--discard-data"))
    try unchanged(c)
    // Told to, a secondary's incidents are replaced by the primary's.
    let discarded = try t(
      c,
      [
        "cluster", "setup", "--role", "secondary", "--cluster-id", "7", "--management-ip",
        "172.16.40.10/24", "--interface", "eth1", "--peer", a, "--discard-data", "--yes",
      ])
    #expect(discarded.status == 0, "\(discarded.stderr)")
    #expect(roles(try status(c)) == ["node1": "primary", "node2": "standby"])

    // The primary down: its peer is unreachable.
    ClusterNodes.stopAll([a])
    let unreachable = try setup(d, role: "secondary", peer: a)
    #expect(unreachable.status == 5)
    #expect(unreachable.stderr.contains("peer unreachable"), "\(unreachable.stderr)")
    try unchanged(d)
  }

  /// ≥ 1,000 acknowledged commits (one transaction each, synchronous replication), the primary
  /// SIGKILLed in the middle: every acknowledged row is on the promoted standby.
  @Test func noAcknowledgedWriteLostOnFailover() throws {
    defer { ClusterNodes.stopAll([a, b]) }
    try formPair()
    let port = ClusterNodes.port(a)
    #expect(
      ClusterNodes.psql(a, port: port, "CREATE TABLE public.acks (id int PRIMARY KEY)") != nil)
    let total = 5000
    var script = ""
    for i in 1...total { script += "INSERT INTO public.acks VALUES (\(i));\n\\echo ACK \(i)\n" }
    let scriptPath = dir.write("acks.sql", script)
    let ackPath = dir.file("acks.out")
    let password = try String(contentsOfFile: "\(a)/database.password", encoding: .utf8)
      .trimmingCharacters(in: .newlines)
    let writer = try ChildProcess(
      executable: "/usr/bin/stdbuf",
      arguments: [
        "-oL", "\(ClusterNodes.psqlPath)", "-XqAt", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
        "-p", String(port), "-U", "trsh", "-d", "appliance", "-f", scriptPath,
      ], stdout: ackPath, stderr: dir.file("acks.err"), environment: ["PGPASSWORD": password])
    func acked() -> [Int] {
      ((try? String(contentsOfFile: ackPath, encoding: .utf8)) ?? "").split(separator: "\n")
        .compactMap { $0.hasPrefix("ACK ") ? Int($0.dropFirst(4)) : nil }
    }
    #expect(eventually(60) { acked().count >= 1000 })
    let seconds = try #require(
      try killAndTimeFailover(primary: a, standby: b, standbyName: "node2"))
    writer.process.waitUntilExit()
    let acknowledged = Set(acked())
    let present = Set(
      (ClusterNodes.psql(b, port: ClusterNodes.port(b), "SELECT id FROM public.acks") ?? "")
        .split(separator: "\n").compactMap { Int($0) })
    let lost = acknowledged.subtracting(present)
    print(
      "zero-loss: \(acknowledged.count) acknowledged before SIGKILL, \(present.count) on the new"
        + " primary, \(lost.count) lost; failover \(String(format: "%.2f", seconds)) s")
    #expect(acknowledged.count >= 1000)
    #expect(lost.isEmpty)
  }
}
