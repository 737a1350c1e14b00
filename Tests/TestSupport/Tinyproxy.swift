import Foundation

/// A real tinyproxy on 127.0.0.1 with basic auth, allowed to CONNECT to one port.
public final class Tinyproxy: @unchecked Sendable {
  public static let executable = "/usr/bin/tinyproxy"
  public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

  public let port: Int
  public var address: String { "127.0.0.1:\(port)" }
  public var log: String { child.stderr + child.stdout }
  private let directory = TemporaryDirectory("tinyproxy")
  private let child: ChildProcess

  public init(user: String, password: String, connectPort: Int) throws {
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
    let configPath = directory.write("tinyproxy.conf", config)
    child = try ChildProcess(
      executable: Self.executable, arguments: ["-d", "-c", configPath], logPrefix: "tinyproxy",
      in: directory)
    try child.wait(for: "tinyproxy", timeout: 30) { LoopbackSocket.accepts(port: port) }
  }

  public func stop() { child.stop() }
}
