import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL

/// `overcastd serve` (the default subcommand): runs the HTTPS (or plain HTTP) service.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve ping and licence validation (the default subcommand)."
  )

  @Option(help: "The licence catalogue JSON file.")
  var catalog: String

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks any free port.")
  var port = 8443

  @Option(help: "The server certificate chain (PEM).")
  var tlsCert: String?

  @Option(help: "The server private key (PEM).")
  var tlsKey: String?

  @Flag(help: "Serve plain HTTP instead of HTTPS.")
  var plainHTTP = false

  @Option(help: "Append one JSON line per request to this file.")
  var requestLog: String?

  @Option(help: "Write the bound port number to this file once listening.")
  var portFile: String?

  func validate() throws {
    if plainHTTP {
      guard tlsCert == nil, tlsKey == nil else {
        throw ValidationError("--plain-http cannot be combined with --tls-cert or --tls-key")
      }
    } else {
      guard tlsCert != nil, tlsKey != nil else {
        throw ValidationError(
          "give --tls-cert and --tls-key (or --plain-http to serve without TLS)")
      }
    }
  }

  func run() async throws {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var logger = Logger(label: "overcastd")
    // Hummingbird's own informational lines would only duplicate our request log.
    logger.logLevel = .warning

    let catalog = try LicenseCatalog(contentsOf: URL(fileURLWithPath: self.catalog))
    let requestLog = try RequestLog(path: requestLog)

    let router = Router()
    router.add(middleware: RequestLogMiddleware(log: requestLog))
    router.get("/v1/ping") { _, _ in "pong" }
    router.post("/v1/licenses/validate") { request, context -> ValidateResponse in
      let body = try await request.decode(as: ValidateRequest.self, context: context)
      return ValidateResponse(
        results: await catalog.validate(keys: body.keys, instanceID: body.instance.id))
    }

    let server: HTTPServerBuilder
    let scheme: String
    if let tlsCert, let tlsKey {
      let chain = try NIOSSLCertificate.fromPEMFile(tlsCert).map {
        NIOSSLCertificateSource.certificate($0)
      }
      let key = try NIOSSLPrivateKey(file: tlsKey, format: .pem)
      let tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: chain, privateKey: .privateKey(key))
      server = try .tls(.http1(), tlsConfiguration: tls)
      scheme = "https"
    } else {
      server = .http1()
      scheme = "http"
    }

    let host = self.host
    let portFile = self.portFile
    let app = Application(
      router: router,
      server: server,
      configuration: .init(address: .hostname(host, port: port), serverName: "overcastd"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? 0
        if let portFile {
          Self.writeAtomically("\(bound)\n", to: portFile)
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardOutput.write(
          Data("listening on \(scheme)://\(hostPart):\(bound)\n".utf8))
      },
      logger: logger
    )
    try await app.runService()
  }

  /// Writes through a temporary file and a rename so a reader polling the file never sees half a number.
  static func writeAtomically(_ text: String, to path: String) {
    let temporary = path + ".tmp-\(getpid())"
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
      _ = rename(temporary, path)
    } catch {
      FileHandle.standardError.write(
        Data("overcastd: cannot write port file \(path): \(error)\n".utf8))
    }
  }
}
