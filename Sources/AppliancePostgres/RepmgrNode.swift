import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One cluster node's repmgr files in its instance folder, `DIR/cluster/` (the service user's,
/// 0700): `node.json`, `repmgr.conf`, `pgpass` (0600), `repmgr.log`, `repmgrd.pid`, `archive/`.
/// The per-node server settings (port, cluster_name, synchronous standby names) live in
/// `DIR/pgdata/node.conf`, which the clone and pg_rewind would overwrite: it is rewritten after
/// a clone and kept through a rejoin (`--config-files=node.conf`).
struct RepmgrNode {
  /// What the node's own files record (the other node's directory when it is on this machine).
  struct Record: Codable, Equatable {
    var nodeId: Int
    var nodeName: String
    var port: Int
  }

  let instance: URL

  var folder: URL { instance.appendingPathComponent("cluster", isDirectory: true) }
  var recordURL: URL { folder.appendingPathComponent("node.json") }
  var configURL: URL { folder.appendingPathComponent("repmgr.conf") }
  var passfile: URL { folder.appendingPathComponent("pgpass") }
  var logURL: URL { folder.appendingPathComponent("repmgr.log") }
  var pidURL: URL { folder.appendingPathComponent("repmgrd.pid") }
  var archive: URL { folder.appendingPathComponent("archive", isDirectory: true) }
  var dataDirectory: URL { PostgresInstanceConfig.dataDirectory(in: instance) }
  var nodeConf: URL { dataDirectory.appendingPathComponent("node.conf") }

  var exists: Bool { FileManager.default.fileExists(atPath: recordURL.path) }

  func record() throws -> Record {
    do {
      return try JSONDecoder().decode(Record.self, from: Data(contentsOf: recordURL))
    } catch {
      throw ApplianceError.failed(
        "cannot read \(recordURL.path): \(error.localizedDescription) (is this a cluster node?)")
    }
  }

  /// The repmgr password (the `pgpass` line's last field).
  func repmgrPassword() throws -> String {
    let text = try String(contentsOf: passfile, encoding: .utf8)
    guard let line = text.split(separator: "\n").first,
      let password = line.split(separator: ":", omittingEmptySubsequences: false).last
    else { throw ApplianceError.failed("\(passfile.path) holds no password") }
    return String(password)
  }

  /// The `repmgr` user's endpoint of the node on `port`.
  static func endpoint(port: Int, password: String, database: String = "repmgr") -> PGEndpoint {
    PGEndpoint(
      host: "127.0.0.1", port: port, user: "repmgr", password: password, database: database,
      schema: "repmgr")
  }

  static func conninfo(port: Int) -> String {
    "host=127.0.0.1 port=\(port) user=repmgr dbname=repmgr connect_timeout=2"
  }

  // MARK: writing the files

  /// Creates `cluster/` for the service user and writes every file.
  func write(record: Record, password: String) throws {
    let fm = FileManager.default
    try? fm.removeItem(at: folder)
    try fm.createDirectory(at: archive, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try PrivateFiles.write(try encoder.encode(record), to: recordURL, durable: true)
    try PrivateFiles.write(Data("127.0.0.1:*:*:repmgr:\(password)\n".utf8), to: passfile)
    try PrivateFiles.write(Data(try config(record).utf8), to: configURL)
    try RepmgrNode.handToService(folder)
  }

  /// repmgr.conf (no quotes inside values: repmgr's parser does not allow them).
  func config(_ record: Record) throws -> String {
    let bin = (try PostgresServer.program("pg_ctl") as NSString).deletingLastPathComponent
    let repmgrBin = (try PostgresServer.program("repmgr") as NSString).deletingLastPathComponent
    let data = dataDirectory.path
    let pgctl = "\(bin)/pg_ctl -D \(data) -l \(data)/server.log -w -t 60"
    return """
      node_id=\(record.nodeId)
      node_name='\(record.nodeName)'
      conninfo='\(Self.conninfo(port: record.port))'
      data_directory='\(data)'
      pg_bindir='\(bin)'
      repmgr_bindir='\(repmgrBin)'
      passfile='\(passfile.path)'
      use_replication_slots=yes
      location='local'
      priority=100
      log_level='INFO'
      log_file='\(logURL.path)'
      repmgrd_pid_file='\(pidURL.path)'
      service_start_command='\(pgctl) start'
      service_stop_command='\(pgctl) -m fast stop'
      service_restart_command='\(pgctl) -m fast restart'
      service_reload_command='\(pgctl) reload'
      service_promote_command='\(pgctl) promote'
      failover='automatic'
      promote_command='\(repmgrBin)/repmgr standby promote -f \(configURL.path) --log-to-file'
      follow_command='\(repmgrBin)/repmgr standby follow -f \(configURL.path) --log-to-file --upstream-node-id=%n'
      monitor_interval_secs=1
      reconnect_attempts=2
      reconnect_interval=1
      monitoring_history=yes
      standby_disconnect_on_failover=false
      primary_visibility_consensus=false
      shutdown_check_timeout=60
      standby_reconnect_timeout=60
      node_rejoin_timeout=60

      """
  }

  /// `DIR/pgdata/node.conf`: this node's own server settings.
  func writeNodeConf(_ record: Record, synchronous: Bool) throws {
    var text = """
      # trsh cluster node \(record.nodeName): settings of this node only (kept through rejoins).
      port = \(record.port)
      cluster_name = '\(Self.clusterName(record))'

      """
    if synchronous {
      text += "synchronous_standby_names = 'FIRST 1 (node1, node2)'\n"
    }
    try PrivateFiles.write(Data(text.utf8), to: nodeConf)
    try RepmgrNode.handToService(nodeConf)
  }

  /// Unique per server: its processes' titles name it (`postgres: trsh-node1-PORT: ...`).
  static func clusterName(_ record: Record) -> String { "trsh-\(record.nodeName)-\(record.port)" }

  /// Gives a file or folder (recursively) to the service user when trsh is root.
  static func handToService(_ url: URL) throws {
    guard PostgresServer.runsAsRoot, let user = getpwnam(PostgresServer.serviceUser) else {
      return
    }
    let uid = user.pointee.pw_uid
    let gid = user.pointee.pw_gid
    var paths = [url.path]
    if let enumerator = FileManager.default.enumerator(atPath: url.path) {
      paths += enumerator.compactMap { ($0 as? String).map { url.appendingPathComponent($0).path } }
    }
    for path in paths where chown(path, uid, gid) != 0 {
      throw ApplianceError.failed(
        "cannot hand \(path) to the \(PostgresServer.serviceUser) user: \(String(cString: strerror(errno)))"
      )
    }
  }

  // MARK: running repmgr

  /// Runs `repmgr -f repmgr.conf ARGS` as the service user with the node's password file.
  @discardableResult
  func repmgr(_ arguments: [String], what: String) throws -> String {
    let (status, output) = try Self.runAsService(
      [try PostgresServer.program("repmgr"), "-f", configURL.path] + arguments,
      passfile: passfile)
    guard status == 0 else {
      let detail = output.split(separator: "\n").filter {
        $0.contains("ERROR") || $0.contains("FATAL") || $0.contains("DETAIL")
          || $0.contains("HINT")
      }.prefix(4).joined(separator: "; ")
      throw ApplianceError.failed(
        "cannot \(what): repmgr exited \(status)\(detail.isEmpty ? "" : ": \(detail)")"
          + " (repmgr log: \(logURL.path))")
    }
    return output
  }

  /// A program as the service user (when root), with `PGPASSFILE`.
  static func runAsService(_ command: [String], passfile: URL) throws -> (
    status: Int32, output: String
  ) {
    let env = ["/usr/bin/env", "PGPASSFILE=\(passfile.path)"]
    let argv =
      PostgresServer.runsAsRoot
      ? ["/usr/sbin/runuser", "-u", PostgresServer.serviceUser, "--"] + env + command
      : env + command
    return try Spawn.run(argv)
  }
}
