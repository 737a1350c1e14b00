import ArgumentParser
import Foundation

/// `overcastd make-ca`: writes a test CA and a server certificate signed by it.
struct MakeCACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-ca",
    abstract: "Write ca.pem, ca-key.pem, server.pem and server-key.pem for a test CA and server."
  )

  @Option(help: "The directory to write the four PEM files to (created if missing).")
  var out: String

  @Option(
    name: .customLong("hostname"),
    help:
      "A name or IP address for the server certificate (repeatable; default 127.0.0.1 and localhost)."
  )
  var hostnames: [String] = []

  func run() throws {
    let names = hostnames.isEmpty ? ["127.0.0.1", "localhost"] : hostnames
    let authority = try CertificateAuthority(hostnames: names)
    try authority.write(to: URL(fileURLWithPath: out))
    print(
      "wrote ca.pem, ca-key.pem, server.pem, server-key.pem to \(out) for \(names.joined(separator: ", "))"
    )
  }
}
