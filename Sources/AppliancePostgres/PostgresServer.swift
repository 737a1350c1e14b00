import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The instance's own PostgreSQL server (`DIR/pgdata`), run as an appliance runs its database
/// service: `initdb`, `pg_ctl start/stop/restart/status`, loopback only. When trsh runs as
/// root the server runs as the `postgres` user (PostgreSQL refuses root).
struct PostgresServer {
  let dataDirectory: URL
  let port: Int

  var logFile: URL { dataDirectory.appendingPathComponent("server.log") }

  /// PostgreSQL's programs: `TRSH_PG_BINDIR`, else the newest Debian install, else `PATH`.
  static func program(_ name: String) throws -> String {
    let env = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let dir = env["TRSH_PG_BINDIR"] { candidates.append(dir) }
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
      .compactMap(Int.init).sorted(by: >)
    candidates += versions.map { "\(root)/\($0)/bin" }
    candidates += (env["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
    for dir in candidates where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
      return "\(dir)/\(name)"
    }
    throw ApplianceError.failed(
      "PostgreSQL's \(name) is not installed (apt-get install -y postgresql), or set TRSH_PG_BINDIR"
    )
  }

  /// The OS user the server runs as when trsh is root.
  static let serviceUser = "postgres"
  static var runsAsRoot: Bool { geteuid() == 0 }

  /// Creates the cluster: `trsh` superuser with `password` (given on a pipe, never argv),
  /// SCRAM authentication on loopback, and the instance's settings.
  func initialize(password: String) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: dataDirectory, withIntermediateDirectories: false)
    chmod(dataDirectory.path, 0o700)
    if Self.runsAsRoot {
      guard let user = getpwnam(Self.serviceUser) else {
        throw ApplianceError.failed(
          "the '\(Self.serviceUser)' user does not exist: install PostgreSQL (apt-get install -y postgresql)"
        )
      }
      let instance = dataDirectory.deletingLastPathComponent()
      // The server reaches its data through the instance folder: its group may pass, nobody else.
      guard chown(dataDirectory.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0,
        chown(instance.path, 0, user.pointee.pw_gid) == 0, chmod(instance.path, 0o710) == 0
      else {
        throw ApplianceError.failed(
          "cannot hand \(dataDirectory.path) to the \(Self.serviceUser) user: \(String(cString: strerror(errno)))"
        )
      }
      try Self.checkReachable(instance.deletingLastPathComponent(), uid: user.pointee.pw_uid)
    }
    // initdb reads the password from a file: a private one beside the data, gone right after.
    let passwordFile = dataDirectory.deletingLastPathComponent()
      .appendingPathComponent(".initdb-password")
    try PrivateFiles.write(Data((password + "\n").utf8), to: passwordFile)
    defer { unlink(passwordFile.path) }
    if Self.runsAsRoot, let user = getpwnam(Self.serviceUser) {
      chown(passwordFile.path, user.pointee.pw_uid, user.pointee.pw_gid)
    }
    try run(
      "initdb",
      [
        "-D", dataDirectory.path, "-U", "trsh", "--pwfile=\(passwordFile.path)",
        "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions",
      ], what: "initialise the database")
    let settings = """

      # trsh: the instance's database service, on loopback only.
      listen_addresses = '127.0.0.1'
      port = \(port)
      unix_socket_directories = ''
      wal_level = replica
      wal_log_hints = on
      max_wal_senders = 10
      max_replication_slots = 10
      hot_standby = on
      logging_collector = off

      """
    let conf = dataDirectory.appendingPathComponent("postgresql.conf")
    let handle = try FileHandle(forWritingTo: conf)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(settings.utf8))
  }

  /// Refuses a folder the service user cannot pass through, before anything is created.
  static func checkReachable(_ folder: URL, uid: uid_t) throws {
    var path = folder.standardizedFileURL.path
    while !path.isEmpty {
      var info = stat()
      if stat(path, &info) == 0, info.st_uid != uid, info.st_mode & 0o001 == 0 {
        throw ApplianceError.usage(
          "the \(serviceUser) user cannot reach \(path) (mode \(String(info.st_mode & 0o777, radix: 8))):"
            + " choose a folder it can pass through (chmod o+x) for an instance with its own database server"
        )
      }
      if path == "/" { break }
      path = (path as NSString).deletingLastPathComponent
    }
  }

  func start() throws {
    try run(
      "pg_ctl",
      ["-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "-s", "start"],
      what: "start the database server")
  }

  func stop(mode: String = "fast") throws {
    try run(
      "pg_ctl", ["-D", dataDirectory.path, "-m", mode, "-w", "-t", "60", "-s", "stop"],
      what: "stop the database server")
  }

  func restart() throws {
    try run(
      "pg_ctl",
      [
        "-D", dataDirectory.path, "-l", logFile.path, "-m", "fast", "-w", "-t", "60", "-s",
        "restart",
      ],
      what: "restart the database server")
  }

  /// `pg_ctl status`: running (0) or not (3, or anything else).
  var isRunning: Bool {
    (try? exitStatus("pg_ctl", ["-D", dataDirectory.path, "status"])) == 0 && !postmasterIsZombie
  }

  /// A killed postmaster stays a zombie until init reaps it (slowly on some machines), and
  /// `pg_ctl status` takes its pid for a running server.
  var postmasterIsZombie: Bool {
    guard
      let text = try? String(
        contentsOf: dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8),
      let pid = text.split(separator: "\n").first.map(String.init),
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
  }

  // MARK: running PostgreSQL's programs

  private func run(_ name: String, _ arguments: [String], what: String)
    throws
  {
    let (status, output) = try launch(name, arguments)
    guard status == 0 else {
      let detail = output.split(separator: "\n").suffix(3).joined(separator: "; ")
      let log =
        (try? String(contentsOf: logFile, encoding: .utf8))?
        .split(separator: "\n").last.map { " (server log: \($0))" } ?? ""
      throw ApplianceError.failed(
        "cannot \(what) in \(dataDirectory.path): \(detail.isEmpty ? "\(name) exited \(status)" : detail)\(log)"
      )
    }
  }

  private func exitStatus(_ name: String, _ arguments: [String]) throws -> Int32 {
    try launch(name, arguments).status
  }

  /// Runs a PostgreSQL program (as the service user when root) with its output captured;
  /// the server it may start gets /dev/null and the log file, never trsh's own streams.
  private func launch(_ name: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let program = try Self.program(name)
    let argv =
      Self.runsAsRoot
      ? ["/usr/sbin/runuser", "-u", Self.serviceUser, "--", program] + arguments
      : [program] + arguments
    return try Spawn.run(argv)
  }
}
