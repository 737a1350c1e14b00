/// The four files `overcastd make-ca` writes.
struct TestPKI {
  var directory: String
  var caCertificate: String { directory + "/ca.pem" }
  var caKey: String { directory + "/ca-key.pem" }
  var serverCertificate: String { directory + "/server.pem" }
  var serverKey: String { directory + "/server-key.pem" }
}
