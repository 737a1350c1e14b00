import Foundation

/// What a finished process left behind.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs a program through real pipes, feeding `stdin`, and waits for it.
func run(
  _ executable: String, _ arguments: [String], stdin: String = "",
  environment: [String: String] = [:],
  directory: String? = nil
) throws -> RunResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (k, v) in environment { env[k] = v }
  process.environment = env
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let input = Pipe()
  let output = Pipe()
  let errors = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  // Read both pipes concurrently so a chatty child never blocks on a full pipe.
  final class Box: @unchecked Sendable { var data = Data() }
  let outBox = Box()
  let errBox = Box()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    outBox.data = output.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  group.enter()
  DispatchQueue.global().async {
    errBox.data = errors.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
  try? input.fileHandleForWriting.close()
  group.wait()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
    stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Runs trsh with an isolated home, state and instance directory.
func trsh(
  _ arguments: [String], stdin: String = "", home: TempDir, environment: [String: String] = [:]
)
  throws -> RunResult
{
  var env = [
    "HOME": home.path, "XDG_STATE_HOME": home.file("state"), "XDG_DATA_HOME": home.file("data"),
    "XDG_CONFIG_HOME": home.file("config"),
  ]
  for (k, v) in environment { env[k] = v }
  return try run(Binaries.trsh, arguments, stdin: stdin, environment: env, directory: home.path)
}
