import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with a deadline, so that one stuck (in `open()` on a named pipe, say) fails
/// its test instead of hanging the suite; can send it a signal first, as an admin would.
struct TimedRun {
  /// What the run left behind.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether it was still running at the deadline (then killed).
    var hung: Bool
    /// Seconds from the signal (or the start) to its exit.
    var secondsToExit: Double
  }

  /// Runs `executable`; after `delay` seconds sends `signal` if it is still running; kills it
  /// when it has not exited `timeout` seconds after that.
  static func run(
    _ executable: String, _ arguments: [String], home: TempDir,
    environment: [String: String] = [:], signal: Int32? = nil, after delay: Double = 1,
    timeout: Double = 15
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["HOME"] = home.path
    env["XDG_STATE_HOME"] = home.file("state")
    env["XDG_DATA_HOME"] = home.file("data")
    env["XDG_CONFIG_HOME"] = home.file("config")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.currentDirectoryURL = home.url
    let name = UUID().uuidString
    let outPath = home.file("timed-\(name).out")
    let errPath = home.file("timed-\(name).err")
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    var start = Date()
    if let signal {
      _ = exited(process, within: delay)
      if process.isRunning {
        start = Date()
        kill(process.processIdentifier, signal)
      }
    }
    let finished = exited(process, within: timeout)
    let seconds = Date().timeIntervalSince(start)
    if !finished {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    return Outcome(
      status: process.terminationStatus,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      hung: !finished, secondsToExit: seconds)
  }

  /// Runs trsh (see `run`).
  static func trsh(
    _ arguments: [String], home: TempDir, environment: [String: String] = [:],
    signal: Int32? = nil, after delay: Double = 1, timeout: Double = 15
  ) throws -> Outcome {
    try run(
      Binaries.trsh, arguments, home: home, environment: environment, signal: signal,
      after: delay, timeout: timeout)
  }

  private static func exited(_ process: Process, within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    return !process.isRunning
  }
}
