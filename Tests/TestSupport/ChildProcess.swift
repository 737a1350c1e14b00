import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A server or proxy a test starts: output to files, killed (SIGKILL) and reaped by `stop()`
/// or when released.
public final class ChildProcess: @unchecked Sendable {
  public let process = Process()
  public let stdoutPath: String
  public let stderrPath: String

  /// Starts `executable` (its environment with `environment` added), its standard output and
  /// error in the files named (may be one file).
  public init(
    executable: String, arguments: [String], stdout: String, stderr: String,
    environment: [String: String] = [:]
  ) throws {
    stdoutPath = stdout
    stderrPath = stderr
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    for path in Set([stdout, stderr]) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = FileHandle(forWritingAtPath: stdout)
    process.standardOutput = out
    process.standardError = stdout == stderr ? out : FileHandle(forWritingAtPath: stderr)
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Output to `PREFIX.stdout` and `PREFIX.stderr` in `directory`.
  public convenience init(
    executable: String, arguments: [String], logPrefix: String, in directory: TemporaryDirectory
  ) throws {
    try self.init(
      executable: executable, arguments: arguments, stdout: directory.file("\(logPrefix).stdout"),
      stderr: directory.file("\(logPrefix).stderr"))
  }

  public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
  public var stderr: String {
    stderrPath == stdoutPath
      ? stdout : (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
  }

  /// Polls `condition` until it holds, failing early if the process dies.
  public func wait(for what: String, timeout: TimeInterval = 60, until condition: () -> Bool) throws
  {
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
  public func stop() {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }
}
