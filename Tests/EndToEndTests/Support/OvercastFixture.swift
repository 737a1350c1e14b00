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
  private let child: ChildProcess

  var caCertificate: String { directory.file("pki/ca.pem") }
  var url: String { "https://127.0.0.1:\(port)" }
  var requestLogPath: String { directory.file("requests.jsonl") }

  init(catalog: [Entry] = []) throws {
    let make = try run(Binaries.overcastd, ["make-ca", "--out", directory.file("pki")])
    guard make.status == 0 else { throw TestSupportError("overcastd make-ca: \(make.stderr)") }
    let licenses: [[String: Any]] = catalog.map {
      ["key": $0.key, "product": $0.product, "expires": $0.expires, "revoked": $0.revoked]
    }
    let data = try JSONSerialization.data(withJSONObject: ["licenses": licenses])
    try data.write(to: URL(fileURLWithPath: directory.file("catalog.json")))
    let portFile = directory.file("port")
    child = try ChildProcess(
      executable: Binaries.overcastd,
      arguments: [
        "--catalog", directory.file("catalog.json"), "--host", "127.0.0.1", "--port", "0",
        "--port-file", portFile, "--request-log", directory.file("requests.jsonl"),
        "--tls-cert", directory.file("pki/server.pem"), "--tls-key",
        directory.file("pki/server-key.pem"),
      ], stdout: directory.file("overcastd.log"), stderr: directory.file("overcastd.log"))
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
