import Foundation

/// A child process whose output goes to files, killed (SIGKILL) and reaped by `stop()`.
final class Background: @unchecked Sendable {
  let process = Process()
  let logPath: String

  init(
    _ executable: String, _ arguments: [String], log: String, environment: [String: String] = [:]
  ) throws {
    logPath = log
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle(forWritingAtPath: log)
    process.standardError = FileHandle(forWritingAtPath: log)
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Polls `condition` until it holds, failing early when the process dies.
  func wait(for what: String, timeout: TimeInterval = 60, until condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
      let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
      guard process.isRunning else { throw FixtureError("\(what) exited early:\n\(log)") }
      guard Date() < deadline else { throw FixtureError("\(what) not ready after \(timeout)s") }
      usleep(20_000)
    }
  }

  func stop() {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }
}
