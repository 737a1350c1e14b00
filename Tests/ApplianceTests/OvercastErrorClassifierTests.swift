import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import TestSupport
import Testing

@testable import Appliance

/// The classifier's mapping from library errors to plain words, one case at a time.
@Suite(.engines) struct OvercastErrorClassifierTests {
  let direct = OvercastErrorClassifier(
    target: "overcast.example:443", proxy: nil, connectTimeout: .seconds(3),
    readTimeout: .milliseconds(2500))
  let proxied = OvercastErrorClassifier(
    target: "overcast.example:443",
    proxy: OvercastProxy(
      host: "proxy.example", port: 3128, username: "alice", password: "hunter2-pass"),
    connectTimeout: .seconds(3), readTimeout: .seconds(10))

  func message(_ error: any Error, _ classifier: OvercastErrorClassifier? = nil) -> String {
    let classified = (classifier ?? direct).classify(error)
    #expect(classified.kind == .connectivity)
    return classified.message
  }

  @Test func connectTimeoutNamesTheConnectPhase() {
    #expect(
      message(HTTPClientError.connectTimeout)
        == "timed out after 3s connecting to overcast.example:443")
    #expect(
      message(ChannelError.connectTimeout(.seconds(3))).contains("timed out after 3s connecting"))
    #expect(message(HTTPClientError.tlsHandshakeTimeout).contains("TLS handshake"))
    #expect(
      message(HTTPClientError.connectTimeout, proxied).contains(
        "through the proxy proxy.example:3128"))
  }

  @Test func readTimeoutNamesTheReadPhase() {
    #expect(
      message(HTTPClientError.readTimeout)
        == "timed out after 2.5s waiting for an answer from overcast.example:443")
  }

  @Test func connectionRefusedIsItsOwnCase() {
    let text = message(IOError(errnoCode: ECONNREFUSED, reason: "connect"))
    #expect(text == "connection refused by overcast.example:443 (nothing listening there?)")
    #expect(message(IOError(errnoCode: EHOSTUNREACH, reason: "connect")).contains("unreachable"))
  }

  @Test func proxyFailuresNameTheProxy() {
    let auth = message(HTTPClientError.proxyAuthenticationRequired, proxied)
    #expect(auth.contains("407"))
    #expect(auth.contains("proxy.example:3128"))
    #expect(auth.contains("check the proxy user and password"))
    #expect(message(HTTPClientError.proxyAuthenticationRequired).contains("configure a proxy user"))
    #expect(
      message(HTTPClientError.invalidProxyResponse, proxied)
        == "the proxy proxy.example:3128 refused the connection to overcast.example:443")
    #expect(
      proxied.classify(HTTPClientError.invalidProxyResponse, proxyStatus: 401).message
        == "the proxy proxy.example:3128 requires authentication (HTTP 401): check the proxy user and password"
    )
    #expect(
      proxied.classify(HTTPClientError.invalidProxyResponse, proxyStatus: 403).message.contains(
        "not allowed"))
    #expect(
      proxied.classify(HTTPClientError.invalidProxyResponse, proxyStatus: 503).message
        == "the proxy proxy.example:3128 could not connect to overcast.example:443 (HTTP 503)")
    #expect(
      message(HTTPClientError.httpProxyHandshakeTimeout, proxied).contains("waiting for the proxy"))
  }

  @Test func tlsNameMismatch() {
    let text = message(NIOSSLExtraError.failedToValidateHostname)
    #expect(text.hasPrefix("TLS failure with overcast.example:443"))
    #expect(text.contains("name mismatch"))
  }

  @Test func tlsHandshakeReasonsInWords() {
    let verify = direct.handshakeReason(
      "sslError([Error: 268435581 error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED])"
    )
    #expect(verify.contains("unknown CA"))
    let plain = direct.handshakeReason(
      "error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER")
    #expect(plain.contains("does not speak TLS"))
    let alert = direct.handshakeReason(
      "error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE")
    #expect(alert.contains("SSLV3_ALERT_BAD_CERTIFICATE"))
    #expect(
      message(NIOSSLError.uncleanShutdown).contains("closed the connection during the handshake"))
  }

  @Test func closedWithoutAnswer() {
    #expect(
      message(HTTPClientError.remoteConnectionClosed).contains(
        "closed the connection without answering"))
  }

  @Test func applianceErrorsPassThrough() {
    let original = ApplianceError.connectivity("already classified")
    #expect(direct.classify(original) == original)
  }

  @Test func unknownErrorsStillSayWhatFailed() {
    struct Odd: Error {}
    #expect(message(Odd()).hasPrefix("Overcast request to overcast.example:443 failed"))
  }

  @Test func theProxyPasswordNeverAppears() {
    struct Leaky: Error, CustomStringConvertible {
      var description: String { "auth alice:hunter2-pass failed" }
    }
    let text = message(Leaky(), proxied)
    #expect(!text.contains("hunter2-pass"))
    #expect(text.contains("********"))
    let proxy = proxied.proxy!
    #expect(!"\(proxy)".contains("hunter2-pass"))
    #expect(!String(reflecting: proxy).contains("hunter2-pass"))
    var dumped = ""
    dump(proxy, to: &dumped)
    #expect(!dumped.contains("hunter2-pass"))
  }

  @Test func proxyAddressParsing() throws {
    let proxy = try OvercastProxy(hostPort: "proxy.example:3128", username: "alice")
    #expect(proxy.host == "proxy.example")
    #expect(proxy.port == 3128)
    #expect(try OvercastProxy(hostPort: "[::1]:8080").host == "::1")
    #expect(throws: ApplianceError.self) { try OvercastProxy(hostPort: "proxy.example") }
    #expect(throws: ApplianceError.self) { try OvercastProxy(hostPort: "proxy.example:0") }
    #expect(throws: ApplianceError.self) { try OvercastProxy(hostPort: ":3128") }
  }
}
