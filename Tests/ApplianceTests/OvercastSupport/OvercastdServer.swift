import Appliance
import Foundation
import TestSupport

/// A real `overcastd` child process on 127.0.0.1 and a free port, with its own test CA and catalogue.
final class OvercastdServer: @unchecked Sendable {
  let directory: TemporaryDirectory
  let pki: TestPKI
  let port: Int
  let tls: Bool
  private let child: ChildProcess

  var requestLogPath: String { directory.path("requests.jsonl") }
  var baseURL: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)" }
  var stdout: String { child.stdout }

  /// Starts the server; `hostnames` choose the names in its certificate (default 127.0.0.1 and localhost).
  init(tls: Bool = true, hostnames: [String] = [], catalog: TestCatalog = TestCatalog()) throws {
    directory = TemporaryDirectory("overcastd")
    self.tls = tls
    pki = try OvercastdExecutable.makeCA(in: directory, hostnames: hostnames)
    let catalogPath = directory.path("catalog.json")
    try catalog.json().write(to: URL(fileURLWithPath: catalogPath))
    let portFile = directory.path("port")
    var arguments = [
      "--catalog", catalogPath, "--host", "127.0.0.1", "--port", "0",
      "--request-log", directory.path("requests.jsonl"), "--port-file", portFile,
    ]
    arguments +=
      tls ? ["--tls-cert", pki.serverCertificate, "--tls-key", pki.serverKey] : ["--plain-http"]
    child = try ChildProcess(
      executable: try OvercastdExecutable.path(), arguments: arguments, logPrefix: "overcastd",
      in: directory)
    var bound = 0
    do {
      try child.wait(for: "overcastd") {
        bound =
          (try? String(contentsOfFile: portFile, encoding: .utf8))
          .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        return bound > 0
      }
    } catch {
      child.stop()
      directory.remove()
      throw error
    }
    port = bound
  }

  /// A client configuration for this server that trusts its test CA.
  func configuration(
    trustingTestCA: Bool = true, connectTimeout: Duration = .seconds(5),
    readTimeout: Duration = .seconds(5),
    proxy: OvercastProxy? = nil
  ) -> OvercastConfiguration {
    OvercastConfiguration(
      baseURL: baseURL, caBundlePath: trustingTestCA ? pki.caCertificate : nil,
      connectTimeout: connectTimeout, readTimeout: readTimeout, proxy: proxy)
  }

  /// The request log's lines, decoded.
  func requestLog() throws -> [[String: Any]] {
    let text = (try? String(contentsOfFile: requestLogPath, encoding: .utf8)) ?? ""
    return try text.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
  }

  func stop() {
    child.stop()
    directory.remove()
  }
}
