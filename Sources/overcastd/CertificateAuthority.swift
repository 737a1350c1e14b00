import Crypto
import Foundation
import X509

/// A throw-away certificate authority and a server certificate it signed, for labs and tests.
struct CertificateAuthority {
  var caCertificatePEM: String
  var caKeyPEM: String
  var serverCertificatePEM: String
  var serverKeyPEM: String

  /// Makes a P-256 CA and a server certificate for `hostnames`: IP literals become IP
  /// subject alternative names, everything else DNS names.
  init(hostnames: [String], validFor days: Int = 825) throws {
    let now = Date()
    // Back-dated a little so a clock slightly behind the issuer's still accepts it.
    let notBefore = now.addingTimeInterval(-3600)
    let notAfter = now.addingTimeInterval(Double(days) * 86_400)

    let caKey = P256.Signing.PrivateKey()
    let caPublic = Certificate.PublicKey(caKey.publicKey)
    let caName = try DistinguishedName {
      OrganizationName("overcastd")
      CommonName("overcastd test CA")
    }
    let caSKI = SubjectKeyIdentifier(hash: caPublic)
    let ca = try Certificate(
      version: .v3,
      serialNumber: .init(),
      publicKey: caPublic,
      notValidBefore: notBefore,
      notValidAfter: notAfter,
      issuer: caName,
      subject: caName,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
        Critical(KeyUsage(keyCertSign: true, cRLSign: true))
        caSKI
      },
      issuerPrivateKey: .init(caKey)
    )

    let serverKey = P256.Signing.PrivateKey()
    let serverPublic = Certificate.PublicKey(serverKey.publicKey)
    let serverName = try DistinguishedName {
      OrganizationName("overcastd")
      CommonName(hostnames.first ?? "localhost")
    }
    let names = try hostnames.map(Self.generalName)
    let server = try Certificate(
      version: .v3,
      serialNumber: .init(),
      publicKey: serverPublic,
      notValidBefore: notBefore,
      notValidAfter: notAfter,
      issuer: caName,
      subject: serverName,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true))
        try ExtendedKeyUsage([.serverAuth])
        SubjectAlternativeNames(names)
        SubjectKeyIdentifier(hash: serverPublic)
        AuthorityKeyIdentifier(keyIdentifier: caSKI.keyIdentifier)
      },
      issuerPrivateKey: .init(caKey)
    )

    caCertificatePEM = try ca.serializeAsPEM().pemString
    caKeyPEM = caKey.pemRepresentation
    serverCertificatePEM = try server.serializeAsPEM().pemString
    serverKeyPEM = serverKey.pemRepresentation
  }

  static func generalName(_ host: String) throws -> GeneralName {
    var v4 = in_addr()
    if inet_pton(AF_INET, host, &v4) == 1 {
      return .ipAddress(.init(contentBytes: withUnsafeBytes(of: v4) { ArraySlice($0) }))
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, host, &v6) == 1 {
      return .ipAddress(.init(contentBytes: withUnsafeBytes(of: v6) { ArraySlice($0) }))
    }
    return .dnsName(host)
  }

  /// Writes `ca.pem`, `ca-key.pem`, `server.pem` and `server-key.pem`; keys are mode 0600.
  func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let files: [(String, String, Int)] = [
      ("ca.pem", caCertificatePEM, 0o644),
      ("ca-key.pem", caKeyPEM, 0o600),
      ("server.pem", serverCertificatePEM, 0o644),
      ("server-key.pem", serverKeyPEM, 0o600),
    ]
    for (name, text, mode) in files {
      let url = directory.appendingPathComponent(name)
      try Data((text.hasSuffix("\n") ? text : text + "\n").utf8).write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }
  }
}
