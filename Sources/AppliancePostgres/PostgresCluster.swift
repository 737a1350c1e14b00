import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Two-node high availability on PostgreSQL streaming replication, managed by repmgr
/// (`primary register`, `standby clone/register`, repmgrd automatic failover, `node rejoin
/// --force-rewind`). Both nodes are instances with their own server; on one machine the
/// peer is named by its instance directory.
struct PostgresCluster: ClusterControl {
  func isMember(_ directory: URL) -> Bool { RepmgrNode(instance: directory).exists }

  func checkCanJoin(_ directory: URL) throws {
    let config = try PostgresInstanceConfig.load(from: directory)
    guard config.ownServer else {
      throw ApplianceError.validation(
        "this instance uses the managed database at \(config.host):\(config.port): its"
          + " replication is the provider's, not trsh's. Nothing was changed")
    }
    let bad = directory.path.contains { " '\"\\".contains($0) }
    guard !bad else {
      throw ApplianceError.usage(
        "the instance path \(directory.path) holds a space or quote, which repmgr's"
          + " configuration cannot carry: use a plainer path. Nothing was changed")
    }
    for program in ["repmgr", "repmgrd", "pg_rewind", "pg_controldata"] {
      do { _ = try PostgresServer.program(program) } catch {
        throw ApplianceError.failed(
          "\(program) is not installed (apt-get install -y postgresql-15-repmgr). Nothing was changed"
        )
      }
    }
  }

  func peerFacts(_ peer: URL) throws -> ClusterPeerFacts {
    guard let config = try? PostgresInstanceConfig.load(from: peer) else {
      throw ApplianceError.validation(
        "the peer at \(peer.path) is not a PostgreSQL instance: both nodes must run on"
          + " PostgreSQL. Nothing was changed")
    }
    var endpoint = config.endpoint(in: peer)
    endpoint.schema = PostgresSchema.live
    let db: PGConnection
    do {
      db = try PGConnection(endpoint, timeout: .seconds(3))
    } catch {
      throw ApplianceError.connectivity(
        "peer unreachable: its database at \(endpoint.label) does not answer"
          + " (\(error)). Start it (e.g. `trsh --instance \(peer.path) show status`) and try"
          + " again. Nothing was changed")
    }
    defer { db.close() }
    let meta = try PostgresStore(connection: db).meta()
    let primary = try !(db.query("SELECT pg_is_in_recovery()").first?[0].bool ?? true)
    return ClusterPeerFacts(
      applianceVersion: meta.applianceVersion, hostname: meta.hostname, isPrimary: primary,
      isClusterPrimary: RepmgrNode(instance: peer).exists)
  }

  // MARK: setup

  func formPrimary(in directory: URL, nodeName: String) throws -> ClusterActionReport {
    let started = Date()
    var steps: [String] = []
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory) else { throw notOwnServer }
    let node = RepmgrNode(instance: directory)
    let record = RepmgrNode.Record(nodeId: 1, nodeName: nodeName, port: config.port)
    let password = PostgresEngine.randomPassword()
    if !server.isRunning { try server.start() }
    do {
      var admin = config.endpoint(in: directory)
      admin.database = "postgres"
      let db = try PGConnection(admin)
      defer { db.close() }
      if try db.query("SELECT 1 FROM pg_roles WHERE rolname = 'repmgr'").isEmpty {
        try db.execute(
          "CREATE ROLE repmgr LOGIN SUPERUSER REPLICATION PASSWORD '\(password)'")
      } else {
        try db.execute("ALTER ROLE repmgr PASSWORD '\(password)'")
      }
      if try db.query("SELECT 1 FROM pg_database WHERE datname = 'repmgr'").isEmpty {
        try db.execute("CREATE DATABASE repmgr OWNER repmgr")
      }
      // repmgr's own metadata writes never wait for the synchronous standby.
      try db.execute("ALTER ROLE repmgr SET search_path TO repmgr, \"$user\", public")
      try db.execute("ALTER ROLE repmgr SET synchronous_commit TO local")
      steps.append("created the repmgr role and database")
      try appendClusterSettings(to: node.dataDirectory)
      try node.write(record: record, password: password)
      try node.writeNodeConf(record, synchronous: false)
      try server.restart()
      steps.append("replication settings on (repmgr preloaded), server restarted")
      try node.repmgr(["primary", "register", "--force"], what: "register the primary")
      steps.append("registered \(nodeName) as primary (repmgr primary register)")
      try RepmgrDaemon(node: node).start()
      steps.append("repmgrd started (automatic failover)")
    } catch {
      RepmgrDaemon(node: node).stop()
      try? FileManager.default.removeItem(at: node.folder)
      throw error
    }
    return ClusterActionReport(
      action: "setup", steps: steps, seconds: Date().timeIntervalSince(started),
      primary: nodeName)
  }

  /// Settings both nodes share (the clone copies them): repmgr, feedback, the per-node file.
  private func appendClusterSettings(to data: URL) throws {
    let conf = data.appendingPathComponent("postgresql.conf")
    let text = try String(contentsOf: conf, encoding: .utf8)
    guard !text.contains("# trsh cluster") else { return }
    let settings = """

      # trsh cluster (repmgr): shared by both nodes; node.conf holds this node's own.
      shared_preload_libraries = 'repmgr'
      hot_standby_feedback = on
      wal_keep_size = '256MB'
      wal_receiver_status_interval = 1s
      include_if_exists = 'node.conf'

      """
    let handle = try FileHandle(forWritingTo: conf)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(settings.utf8))
  }

  func joinAsStandby(in directory: URL, peer: URL, nodeName: String) throws
    -> ClusterActionReport
  {
    let started = Date()
    var steps: [String] = []
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory) else { throw notOwnServer }
    let peerNode = RepmgrNode(instance: peer)
    let peerRecord = try peerNode.record()
    let password = try peerNode.repmgrPassword()
    let peerDatabasePassword = try PostgresInstanceConfig.load(from: peer).endpoint(in: peer)
      .password
    let node = RepmgrNode(instance: directory)
    let record = RepmgrNode.Record(
      nodeId: peerRecord.nodeId == 1 ? 2 : 1, nodeName: nodeName, port: config.port)
    let data = node.dataDirectory
    let kept = directory.appendingPathComponent("pgdata.before-cluster", isDirectory: true)
    if server.isRunning { try server.stop() }
    steps.append("stopped this node's own server")
    try? FileManager.default.removeItem(at: kept)
    try FileManager.default.moveItem(at: data, to: kept)
    do {
      try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
      chmod(data.path, 0o700)
      try RepmgrNode.handToService(data)
      try node.write(record: record, password: password)
      try node.repmgr(
        [
          "-h", "127.0.0.1", "-p", String(peerRecord.port), "-U", "repmgr", "-d", "repmgr",
          "standby", "clone", "--fast-checkpoint",
        ], what: "clone the primary (repmgr standby clone)")
      steps.append("cloned \(peerRecord.nodeName)'s data (repmgr standby clone)")
      try node.writeNodeConf(record, synchronous: false)
      try server.start()
      try node.repmgr(["standby", "register", "--force"], what: "register the standby")
      steps.append("registered \(nodeName) as standby (repmgr standby register)")
      let nodes = try PostgresClusterNodes(directory, peer: peer)
      guard let primary = nodes.entries.first(where: { $0.id == peerRecord.nodeId }) else {
        throw ApplianceError.failed("the primary is missing from repmgr's node list")
      }
      try PostgresClusterNodes.wait("\(nodeName) to stream from the primary", seconds: 60) {
        nodes.streams(nodeName, from: primary, sync: false)
      }
      // Synchronous replication after registration, so that registering never waits.
      try node.writeNodeConf(record, synchronous: true)
      try peerNode.writeNodeConf(peerRecord, synchronous: true)
      for entry in nodes.entries {
        let db = try nodes.connect(entry)
        try db.query("SELECT pg_reload_conf()")
        db.close()
      }
      try PostgresClusterNodes.wait("synchronous replication", seconds: 30) {
        nodes.streams(nodeName, from: primary, sync: true)
      }
      steps.append("synchronous replication on (FIRST 1 (node1, node2))")
      // This node's database now holds the primary's roles: use the primary's password.
      try config.save(in: directory, password: peerDatabasePassword)
      try RepmgrDaemon(node: peerNode).start()
      try RepmgrDaemon(node: node).start()
      try PostgresClusterNodes.wait("repmgrd of \(nodeName) to monitor the primary", seconds: 60) {
        nodes.monitors(nodes.me, upstream: primary.id)
      }
      steps.append("repmgrd started on both nodes (automatic failover)")
    } catch {
      // Back to the standalone instance it was.
      RepmgrDaemon(node: node).stop()
      try? server.stop(mode: "immediate")
      try? FileManager.default.removeItem(at: data)
      try? FileManager.default.moveItem(at: kept, to: data)
      try? FileManager.default.removeItem(at: node.folder)
      try? server.start()
      throw error
    }
    try? FileManager.default.removeItem(at: kept)
    return ClusterActionReport(
      action: "setup", steps: steps, seconds: Date().timeIntervalSince(started),
      primary: peerRecord.nodeName)
  }

  private var notOwnServer: ApplianceError {
    ApplianceError.failed("this instance does not run its own database server")
  }

  // MARK: status

  func status(in directory: URL, membership: ClusterMembership) throws -> ClusterStatus {
    try PostgresClusterStatus.read(directory, membership: membership)
  }

  // MARK: operations

  func failover(in directory: URL) throws -> ClusterActionReport {
    let started = Date()
    let node = RepmgrNode(instance: directory)
    let nodes = try PostgresClusterNodes(directory, peer: peerDirectory(directory))
    switch nodes.isPrimary(nodes.me) {
    case nil:
      throw ApplianceError.failed(
        "this node's database is down: a failover promotes a running standby. Nothing was changed"
      )
    case true?:
      return ClusterActionReport(
        action: "failover", steps: ["this node is already the primary: nothing to do"],
        seconds: 0, primary: nodes.me.name)
    case false?: break
    }
    if let primary = nodes.others.first(where: { nodes.isPrimary($0) == true }) {
      throw ApplianceError.refused(
        "the primary \(primary.name) still answers: use `cluster switchover` for a planned"
          + " role change (no data loss). Nothing was changed")
    }
    try node.repmgr(["standby", "promote", "--log-to-file"], what: "promote this standby")
    try PostgresClusterNodes.wait("this node to become primary", seconds: 60) {
      nodes.isPrimary(nodes.me) == true
    }
    // The new primary's repmgrd watches over the node that rejoins it later.
    try RepmgrDaemon(node: node).start()
    return ClusterActionReport(
      action: "failover",
      steps: [
        "promoted \(nodes.me.name) (repmgr standby promote)",
        "when the old primary is back: `cluster rejoin` on it",
      ], seconds: Date().timeIntervalSince(started), primary: nodes.me.name)
  }

  func rejoin(in directory: URL) throws -> ClusterActionReport {
    let started = Date()
    let nodes = try PostgresClusterNodes(directory, peer: peerDirectory(directory))
    guard let primary = nodes.others.first(where: { nodes.isPrimary($0) == true }) else {
      if nodes.isPrimary(nodes.me) == true {
        throw ApplianceError.refused(
          "this node is the primary: `cluster rejoin` runs on the node that lost that role."
            + " Nothing was changed")
      }
      throw ApplianceError.connectivity(
        "no primary answers: rejoin needs the other node running as primary"
          + " (`cluster failover` there if it is a standby). Nothing was changed")
    }
    if nodes.isPrimary(nodes.me) == false, nodes.streams(nodes.me.name, from: primary, sync: false)
    {
      return ClusterActionReport(
        action: "rejoin",
        steps: ["this node already streams from \(primary.name): nothing to do"],
        seconds: 0, primary: primary.name)
    }
    let steps = try rejoinNode(directory, nodes: nodes, primary: primary)
    return ClusterActionReport(
      action: "rejoin", steps: steps, seconds: Date().timeIntervalSince(started),
      primary: primary.name)
  }

  /// Stops the node if it runs, rewinds it onto `primary`'s timeline and makes it its
  /// synchronous standby, its repmgrd monitoring again.
  private func rejoinNode(
    _ directory: URL, nodes: PostgresClusterNodes, primary: PostgresClusterNodes.Entry,
    paused: Bool = false
  ) throws -> [String] {
    var steps: [String] = []
    let node = RepmgrNode(instance: directory)
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory) else { throw notOwnServer }
    if server.isRunning {
      try server.stop()
      steps.append("stopped this node's server")
    }
    // A killed postmaster's children end on their own; rewinding waits for them.
    let title = RepmgrNode.clusterName(nodes.record)
    try PostgresClusterNodes.wait("the old server processes to exit", seconds: 30) {
      ServerProcesses.titled(title).isEmpty
    }
    // A killed postmaster not yet reaped by init is a zombie whose pid still "runs": its
    // lock file would stop pg_rewind's crash recovery. It and its children are gone.
    if server.postmasterIsZombie {
      unlink(node.dataDirectory.appendingPathComponent("postmaster.pid").path)
      steps.append("removed the lock file of the killed server (its process is a zombie)")
    }
    // A promotion answers as primary before repmgr has recorded it (repmgr.nodes): rejoining
    // in between fails, so wait for the record.
    try PostgresClusterNodes.wait("repmgr to record \(primary.name) as primary", seconds: 30) {
      guard let db = try? nodes.connect(primary) else { return false }
      defer { db.close() }
      let row = try? db.query(
        "SELECT type FROM repmgr.nodes WHERE node_id = $1", [.int(primary.id)]
      ).first
      return row?[0].string == "primary"
    }
    // pg_rewind reads the new primary's timeline from its control file, which a fresh
    // promotion only updates at its first checkpoint.
    let db = try nodes.connect(primary)
    try db.query("CHECKPOINT")
    db.close()
    try node.repmgr(
      [
        "node", "rejoin", "-d", RepmgrNode.conninfo(port: primary.port), "--force-rewind",
        "--config-files=node.conf", "--config-archive-dir=\(node.archive.path)",
      ], what: "rejoin (repmgr node rejoin --force-rewind)")
    steps.append("rewound and restarted as standby of \(primary.name) (repmgr node rejoin)")
    try PostgresClusterNodes.wait("\(nodes.me.name) to stream synchronously", seconds: 60) {
      nodes.streams(nodes.me.name, from: primary, sync: true)
    }
    try RepmgrDaemon(node: node).start()
    try PostgresClusterNodes.wait(
      "repmgrd of \(nodes.me.name) to monitor \(primary.name)", seconds: 60
    ) {
      nodes.monitors(nodes.me, upstream: primary.id, pausedToo: paused)
    }
    steps.append("streaming (sync) from \(primary.name); repmgrd monitoring")
    return steps
  }

  func switchover(in directory: URL) throws -> ClusterActionReport {
    let started = Date()
    guard let peer = peerDirectory(directory) else {
      throw ApplianceError.failed(
        "the other node's instance directory is not known here: run `cluster switchover` on a"
          + " machine that holds both nodes. Nothing was changed")
    }
    let nodes = try PostgresClusterNodes(directory, peer: peer)
    guard let primary = nodes.currentPrimary(),
      let standby = nodes.entries.first(where: { $0.id != primary.id }),
      nodes.streams(standby.name, from: primary, sync: false)
    else {
      throw ApplianceError.failed(
        "a switchover needs a primary and a streaming standby (see `cluster status`);"
          + " without a primary use `cluster failover`. Nothing was changed")
    }
    let ownName = nodes.me.name
    let primaryDir = primary.name == ownName ? directory : peer
    let standbyDir = primary.name == ownName ? peer : directory
    let standbyNode = RepmgrNode(instance: standbyDir)
    let primaryConfig = try PostgresInstanceConfig.load(from: primaryDir)
    guard let primaryServer = primaryConfig.server(in: primaryDir) else { throw notOwnServer }
    var steps: [String] = []
    try standbyNode.repmgr(["service", "pause"], what: "pause repmgrd")
    steps.append("paused repmgrd on both nodes")
    do {
      try primaryServer.stop()
      steps.append("stopped \(primary.name) cleanly")
      // The clean shutdown's checkpoint is the old primary's last WAL: the standby must hold it.
      let checkpoint = try Self.latestCheckpoint(RepmgrNode(instance: primaryDir).dataDirectory)
      try PostgresClusterNodes.wait(
        "\(standby.name) to receive all of \(primary.name)'s WAL", seconds: 30
      ) {
        guard let db = try? nodes.connect(standby) else { return false }
        defer { db.close() }
        return
          (try? db.query(
            "SELECT pg_last_wal_receive_lsn() > $1::pg_lsn", [.text(checkpoint)]
          ).first?[0].bool)
          == true
      }
      try standbyNode.repmgr(["standby", "promote", "--log-to-file"], what: "promote the standby")
      steps.append("promoted \(standby.name) (all WAL up to \(checkpoint) received)")
      let after = try PostgresClusterNodes(standbyDir, peer: primaryDir)
      guard let newPrimary = after.entries.first(where: { $0.id == standby.id }) else {
        throw ApplianceError.failed("the promoted node is missing from repmgr's node list")
      }
      let oldPrimaryNodes = try PostgresClusterNodes(primaryDir, peer: standbyDir)
      steps += try rejoinNode(
        primaryDir, nodes: oldPrimaryNodes, primary: newPrimary, paused: true)
      try standbyNode.repmgr(["service", "unpause"], what: "unpause repmgrd")
      try PostgresClusterNodes.wait("repmgrd of \(primary.name) to monitor again", seconds: 60) {
        oldPrimaryNodes.monitors(oldPrimaryNodes.me, upstream: newPrimary.id)
      }
      steps.append("repmgrd unpaused and monitoring")
    } catch {
      _ = try? standbyNode.repmgr(["service", "unpause"], what: "unpause repmgrd")
      throw error
    }
    return ClusterActionReport(
      action: "switchover", steps: steps, seconds: Date().timeIntervalSince(started),
      primary: standby.name)
  }

  static func latestCheckpoint(_ data: URL) throws -> String {
    let (status, output) = try RepmgrNode.runAsService(
      [try PostgresServer.program("pg_controldata"), "-D", data.path],
      passfile: URL(fileURLWithPath: "/dev/null"))
    guard status == 0,
      let line = output.split(separator: "\n").first(where: {
        $0.hasPrefix("Latest checkpoint location:")
      })
    else { throw ApplianceError.failed("cannot read \(data.path)'s control file: \(output)") }
    return line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
  }

  func leave(in directory: URL) throws -> ClusterActionReport {
    try PostgresClusterLeave.leave(directory, peer: peerDirectory(directory))
  }

  func localRole(_ directory: URL) -> String? {
    guard let config = try? PostgresInstanceConfig.load(from: directory),
      let db = try? PGConnection(config.endpoint(in: directory), timeout: .seconds(3))
    else { return nil }
    defer { db.close() }
    guard let row = try? db.query("SELECT pg_is_in_recovery()").first else { return nil }
    return row[0].bool ? "standby" : "primary"
  }

  func stopDaemon(in directory: URL) throws {
    RepmgrDaemon(node: RepmgrNode(instance: directory)).stop()
  }

  /// The other node's directory, from this node's membership record.
  func peerDirectory(_ directory: URL) -> URL? {
    (try? ClusterMembership.load(from: directory))?.peer.map { URL(fileURLWithPath: $0) }
  }
}
