import Appliance
import Foundation
import TestSupport
import Testing

/// Overcast through a real tinyproxy on loopback with basic auth.
@Suite(
  .engines,
  .enabled(
    if: Tinyproxy.isInstalled,
    "tinyproxy is not installed at /usr/bin/tinyproxy (apt-get install tinyproxy)"))
struct OvercastProxyTests {
  static let user = "overcast-user"
  static let password = "S3cret-proxy-pass"

  @Test func pingThroughProxyWithTheRightCredentials() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let proxy = try Tinyproxy(user: Self.user, password: Self.password, connectPort: server.port)
    defer { proxy.stop() }
    let client = try OvercastClient(
      configuration: server.configuration(
        proxy: OvercastProxy(
          host: "127.0.0.1", port: proxy.port, username: Self.user, password: Self.password)))
    defer { client.close() }

    _ = try client.ping()
    #expect(try server.requestLog().map { $0["path"] as? String } == ["/v1/ping"])
    #expect(proxy.log.contains("CONNECT 127.0.0.1:\(server.port)"), "\(proxy.log)")
  }

  @Test func validateThroughProxy() throws {
    let catalog = TestCatalog()
    let server = try OvercastdServer(catalog: catalog)
    defer { server.stop() }
    let proxy = try Tinyproxy(user: Self.user, password: Self.password, connectPort: server.port)
    defer { proxy.stop() }
    let client = try OvercastClient(
      configuration: server.configuration(
        proxy: OvercastProxy(
          host: "127.0.0.1", port: proxy.port, username: Self.user, password: Self.password)))
    defer { client.close() }
    let results = try client.validate(
      keys: [catalog.valid], instanceID: "instance-a", hostname: "tr.example")
    #expect(results.map(\.isValid) == [true])
  }

  @Test func wrongPasswordIsProxyAuthenticationRequired() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let proxy = try Tinyproxy(user: Self.user, password: Self.password, connectPort: server.port)
    defer { proxy.stop() }
    let wrong = "Wrong-pass-4567"
    let client = try OvercastClient(
      configuration: server.configuration(
        proxy: OvercastProxy(
          host: "127.0.0.1", port: proxy.port, username: Self.user, password: wrong)))
    defer { client.close() }

    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.kind == .connectivity)
    // tinyproxy 1.11 answers wrong credentials with 401 (407 only when none are sent);
    // either way it is the proxy asking for authentication.
    #expect(
      error.message.contains("the proxy 127.0.0.1:\(proxy.port) requires authentication"),
      "\(error)")
    #expect(error.message.contains("HTTP 407") || error.message.contains("HTTP 401"), "\(error)")
    #expect(error.message.contains("check the proxy user and password"), "\(error)")
    #expect(!error.message.contains(wrong))
    #expect(!"\(client.configuration)".contains(wrong))
    #expect(try server.requestLog().isEmpty)
  }

  @Test func missingCredentialsIsProxyAuthenticationRequired() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let proxy = try Tinyproxy(user: Self.user, password: Self.password, connectPort: server.port)
    defer { proxy.stop() }
    let client = try OvercastClient(
      configuration: server.configuration(proxy: OvercastProxy(host: "127.0.0.1", port: proxy.port))
    )
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.message.contains("requires authentication (HTTP 407)"), "\(error)")
    #expect(error.message.contains("configure a proxy user and password"), "\(error)")
  }

  @Test func proxyRefusingTheTargetIsReported() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    // The proxy may only CONNECT to some other port, so it refuses the one overcastd is on.
    let proxy = try Tinyproxy(user: Self.user, password: Self.password, connectPort: 9)
    defer { proxy.stop() }
    let client = try OvercastClient(
      configuration: server.configuration(
        proxy: OvercastProxy(
          host: "127.0.0.1", port: proxy.port, username: Self.user, password: Self.password)))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(
      error.message.contains(
        "the proxy 127.0.0.1:\(proxy.port) refused the connection to 127.0.0.1:\(server.port)"),
      "\(error)")
    #expect(error.message.contains("HTTP 403"), "\(error)")
  }

  @Test func proxyNotListeningIsReportedAsTheProxy() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let closed = try LoopbackSocket(listening: false)
    defer { closed.close() }
    let client = try OvercastClient(
      configuration: server.configuration(
        proxy: OvercastProxy(
          host: "127.0.0.1", port: closed.port, username: Self.user, password: Self.password)))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(
      error.message.contains("the proxy 127.0.0.1:\(closed.port) refused the connection"),
      "\(error)")
    #expect(!error.message.contains(Self.password))
  }
}
