import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Test-side handling of PostgreSQL cluster nodes (instances with their own server): whether
/// the machine can run them, the postmaster to kill, and stopping everything a test started.
/// Only servers and daemons under the test's own instance folders are ever touched.
public enum ClusterNodes {
  static let bindir: String = {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
      .compactMap(Int.init).sorted(by: >)
    return versions.map { "\(root)/\($0)/bin" }.first {
      FileManager.default.isExecutableFile(atPath: "\($0)/repmgr")
    } ?? "/usr/lib/postgresql/15/bin"
  }()

  public static var psqlPath: String { "\(bindir)/psql" }

  /// PostgreSQL with repmgr is installed and we are root (the servers run as `postgres`).
  public static var available: Bool {
    geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "\(bindir)/repmgrd")
      && FileManager.default.isExecutableFile(atPath: "\(bindir)/pg_ctl")
  }

  /// The pid of the instance's postmaster (`DIR/pgdata/postmaster.pid`), nil when it is down.
  public static func postmasterPid(_ instance: String) -> pid_t? {
    guard
      let text = try? String(contentsOfFile: "\(instance)/pgdata/postmaster.pid", encoding: .utf8),
      let first = text.split(separator: "\n").first, let pid = pid_t(first), kill(pid, 0) == 0
    else { return nil }
    return pid
  }

  /// Stops one node's repmgrd (SIGTERM), so that no automatic failover happens.
  public static func stopDaemon(_ instance: String) {
    guard
      let text = try? String(contentsOfFile: "\(instance)/cluster/repmgrd.pid", encoding: .utf8),
      let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return }
    kill(pid, SIGTERM)
    for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
  }

  /// Stops the instances' repmgrd and servers (immediate) and waits until none of their
  /// processes is left.
  public static func stopAll(_ instances: [String]) {
    for instance in instances {
      if let text = try? String(contentsOfFile: "\(instance)/cluster/repmgrd.pid", encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
        (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains(instance)
          == true
      {
        kill(pid, SIGKILL)
      }
      if postmasterPid(instance) != nil {
        _ = runAsPostgres([
          "\(bindir)/pg_ctl", "-D", "\(instance)/pgdata", "-m", "immediate", "-w", "stop",
        ])
      }
    }
    // Backends of a killed postmaster and anything else naming our folders.
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let left = leftovers(instances)
      if left.isEmpty { return }
      for pid in left { kill(pid, SIGKILL) }
      usleep(100_000)
    }
  }

  /// Processes whose command line names one of the instance folders or their servers'
  /// unique cluster_name (`trsh-nodeN-PORT`).
  public static func leftovers(_ instances: [String]) -> [pid_t] {
    var needles = instances.map { $0 + "/" }
    for instance in instances {
      if let data = FileManager.default.contents(atPath: "\(instance)/cluster/node.json"),
        let record = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let name = record["nodeName"] as? String, let port = record["port"] as? Int
      {
        needles.append("postgres: trsh-\(name)-\(port):")
      }
    }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> pid_t? in
      guard let pid = pid_t(entry), pid != getpid(),
        let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
      else { return nil }
      let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
      // Zombies have an empty command line and are reaped by init.
      return needles.contains { line.contains($0) } ? pid : nil
    }
  }

  /// Runs a program as the `postgres` user, output discarded; its exit status.
  @discardableResult
  public static func runAsPostgres(_ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
    process.arguments = ["-u", "postgres", "--"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// psql on 127.0.0.1:`port` as the instance's `trsh` user (its password file), one command.
  public static func psql(_ instance: String, port: Int, _ sql: String) -> String? {
    guard
      let password = try? String(contentsOfFile: "\(instance)/database.password", encoding: .utf8)
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(bindir)/psql")
    process.arguments = [
      "-XqAt", "-h", "127.0.0.1", "-p", String(port), "-U", "trsh", "-d", "appliance", "-c", sql,
    ]
    process.environment = [
      "PGPASSWORD": password.trimmingCharacters(in: .newlines), "PGCONNECT_TIMEOUT": "2",
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }

  /// The instance's database port (`database.json`).
  public static func port(_ instance: String) -> Int {
    guard let data = FileManager.default.contents(atPath: "\(instance)/database.json"),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return 0 }
    return object["port"] as? Int ?? 0
  }
}
