import Foundation
import TestSupport

/// A real `overcastd` on 127.0.0.1 (HTTPS, its own test CA from `overcastd make-ca`) and its request log.
final class Overcastd: @unchecked Sendable {
  /// One catalogue entry: `expires` before today makes it expired; `revoked` revokes it.
  struct Entry {
    var key: String
    var product = "Threat Response Enterprise"
    var expires = "2099-12-31"
    var revoked = false
  }

  let directory = TempDir()
  let port: Int
  private let child: Background

  var caCertificate: String { directory.file("pki/ca.pem") }
  var url: String { "https://127.0.0.1:\(port)" }
  var requestLogPath: String { directory.file("requests.jsonl") }

  init(catalog: [Entry] = []) throws {
    let make = try run(Binaries.overcastd, ["make-ca", "--out", directory.file("pki")])
    guard make.status == 0 else { throw FixtureError("overcastd make-ca: \(make.stderr)") }
    let licenses: [[String: Any]] = catalog.map {
      ["key": $0.key, "product": $0.product, "expires": $0.expires, "revoked": $0.revoked]
    }
    let data = try JSONSerialization.data(withJSONObject: ["licenses": licenses])
    try data.write(to: URL(fileURLWithPath: directory.file("catalog.json")))
    let portFile = directory.file("port")
    child = try Background(
      Binaries.overcastd,
      [
        "--catalog", directory.file("catalog.json"), "--host", "127.0.0.1", "--port", "0",
        "--port-file", portFile, "--request-log", directory.file("requests.jsonl"),
        "--tls-cert", directory.file("pki/server.pem"), "--tls-key",
        directory.file("pki/server-key.pem"),
      ], log: directory.file("overcastd.log"))
    var bound = 0
    try child.wait(for: "overcastd") {
      bound =
        (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap {
          Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        } ?? 0
      return bound > 0
    }
    port = bound
  }

  /// The requests the server logged, one JSON line each.
  var requests: [String] {
    ((try? String(contentsOfFile: requestLogPath, encoding: .utf8)) ?? "")
      .split(separator: "\n").map(String.init)
  }

  func stop() { child.stop() }
}

/// A real tinyproxy on 127.0.0.1 with basic auth, allowed to CONNECT to one port.
final class TinyproxyFixture: @unchecked Sendable {
  static let executable = "/usr/bin/tinyproxy"
  static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

  let port: Int
  let directory = TempDir()
  private let child: Background

  var address: String { "127.0.0.1:\(port)" }

  init(user: String, password: String, connectPort: Int) throws {
    // Free a moment ago; tinyproxy cannot be told to pick a port itself.
    port = try LoopbackSocket.freePort()
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
    let path = directory.write("tinyproxy.conf", config)
    child = try Background(
      Self.executable, ["-d", "-c", path], log: directory.file("tinyproxy.log"))
    let port = port
    try child.wait(for: "tinyproxy", timeout: 30) { LoopbackSocket.accepts(port: port) }
  }

  func stop() { child.stop() }
}
