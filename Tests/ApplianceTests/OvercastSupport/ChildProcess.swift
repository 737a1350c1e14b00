import Foundation

/// A child process whose output goes to files in a test directory, killed by `stop()`.
final class ChildProcess: @unchecked Sendable {
  let process = Process()
  let stdoutPath: String
  let stderrPath: String

  init(executable: String, arguments: [String], logPrefix: String, in directory: TemporaryDirectory)
    throws
  {
    stdoutPath = directory.path("\(logPrefix).stdout")
    stderrPath = directory.path("\(logPrefix).stderr")
    _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
    process.standardError = FileHandle(forWritingAtPath: stderrPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

  /// Polls `condition` until it holds, failing early if the process dies.
  func wait(for what: String, timeout: TimeInterval = 60, until condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
      guard process.isRunning else {
        throw TestSupportError(
          "\(what): process exited with \(process.terminationStatus)\n\(stderr)")
      }
      guard Date() < deadline else {
        throw TestSupportError("\(what): not ready after \(timeout)s\n\(stderr)")
      }
      usleep(20_000)
    }
  }

  /// Kills the process (SIGKILL: tests need no graceful shutdown) and reaps it.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
  }
}
