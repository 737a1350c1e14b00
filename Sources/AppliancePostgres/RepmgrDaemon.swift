import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A node's repmgrd (automatic failover): daemonised, its pid in `DIR/cluster/repmgrd.pid`.
struct RepmgrDaemon {
  let node: RepmgrNode

  /// The daemon's pid when it runs (checked against its command line: a reused pid is not it).
  var runningPid: pid_t? {
    guard let text = try? String(contentsOf: node.pidURL, encoding: .utf8),
      let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0,
      kill(pid, 0) == 0,
      let cmdline = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))
    else { return nil }
    let words = String(decoding: cmdline, as: UTF8.self)
    return words.contains("repmgrd") && words.contains(node.configURL.path) ? pid : nil
  }

  /// Starts repmgrd unless it runs; its output goes to the repmgr log, never to trsh's pipes.
  func start() throws {
    if runningPid != nil { return }
    unlink(node.pidURL.path)
    let program = try PostgresServer.program("repmgrd")
    let env = ["/usr/bin/env", "PGPASSFILE=\(node.passfile.path)"]
    let command =
      (PostgresServer.runsAsRoot
        ? ["/usr/sbin/runuser", "-u", PostgresServer.serviceUser, "--"] : []) + env + [
        program, "-f", node.configURL.path,
      ]
    // The daemon double-forks: the shell sends its streams to the log first, so no pipe of
    // ours stays open in it.
    let (status, output) = try Spawn.run(
      ["/bin/sh", "-c", "exec \"$@\" >>\"$0\" 2>&1 </dev/null", node.logURL.path + ".out"]
        + command)
    guard status == 0 else {
      throw ApplianceError.failed(
        "cannot start repmgrd: exited \(status) \(output) (log: \(node.logURL.path))")
    }
    for _ in 0..<100 {
      if runningPid != nil { return }
      usleep(50_000)
    }
    throw ApplianceError.failed("repmgrd did not start (log: \(node.logURL.path))")
  }

  /// Stops repmgrd (SIGTERM, then SIGKILL after 5 s).
  func stop() {
    guard let pid = runningPid else { return }
    kill(pid, SIGTERM)
    for _ in 0..<100 {
      if kill(pid, 0) != 0 { break }
      usleep(50_000)
    }
    if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    unlink(node.pidURL.path)
  }
}
