import Foundation
import TestSupport

/// A real tinyproxy on 127.0.0.1 with basic auth, allowed to CONNECT to one port.
final class Tinyproxy: @unchecked Sendable {
  static let executable = "/usr/bin/tinyproxy"
  static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

  let port: Int
  private let directory: TemporaryDirectory
  private let child: ChildProcess

  var log: String { child.stderr + child.stdout }

  init(user: String, password: String, connectPort: Int) throws {
    directory = try TemporaryDirectory("tinyproxy")
    // A port that was free a moment ago; tinyproxy cannot be told to pick one itself.
    let port = try LoopbackSocket.freePort()
    self.port = port
    let config = """
      Port \(port)
      Listen 127.0.0.1
      Timeout 30
      Allow 127.0.0.1
      BasicAuth \(user) \(password)
      ConnectPort \(connectPort)
      MaxClients 20
      LogLevel Info
      DisableViaHeader Yes

      """
    let configPath = directory.path("tinyproxy.conf")
    try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
    child = try ChildProcess(
      executable: Self.executable, arguments: ["-d", "-c", configPath], logPrefix: "tinyproxy",
      in: directory)
    do {
      try child.wait(for: "tinyproxy", timeout: 30) { LoopbackSocket.accepts(port: port) }
    } catch {
      child.stop()
      directory.remove()
      throw error
    }
  }

  func stop() {
    child.stop()
    directory.remove()
  }
}
