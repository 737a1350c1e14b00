import Appliance
import Foundation
import TestSupport
import Testing

/// `GET /v1/ping` against a real overcastd over HTTPS with a test CA, and over plain HTTP.
@Suite(.engines) struct OvercastPingTests {
  @Test func pingSucceedsOverHTTPS() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }

    let first = try client.ping()
    let second = try client.ping()
    #expect(first.rtt > .zero)
    #expect(second.rtt > .zero)

    #expect(server.stdout.contains("listening on https://127.0.0.1:\(server.port)"))
    let log = try server.requestLog()
    #expect(log.count == 2)
    #expect(log.first?["method"] as? String == "GET")
    #expect(log.first?["path"] as? String == "/v1/ping")
    #expect(log.first?["status"] as? Int == 200)
  }

  @Test func pingSucceedsOverPlainHTTPWhenAsked() throws {
    let server = try OvercastdServer(tls: false)
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration(trustingTestCA: false))
    defer { client.close() }
    _ = try client.ping()
    #expect(server.stdout.contains("listening on http://127.0.0.1:\(server.port)"))
  }

  @Test func pingStatisticsSummariseASeries() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }
    var statistics = PingStatistics()
    for _ in 0..<5 { statistics.record(try client.ping().rtt) }
    statistics.record(nil)
    #expect(statistics.sent == 6)
    #expect(statistics.received == 5)
    #expect(statistics.rttLine != nil)
  }

  @Test func unexpectedStatusIsReportedWithItsNumber() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    var configuration = server.configuration()
    configuration.baseURL += "/nowhere"
    let client = try OvercastClient(configuration: configuration)
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("unexpected HTTP status 404"), "\(error)")
  }

  @Test func unexpectedBodyIsReported() throws {
    let canned = try CannedHTTPServer(
      response: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
    defer { canned.stop() }
    let client = try OvercastClient(
      configuration: .init(baseURL: "http://127.0.0.1:\(canned.port)"))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("unexpected body"), "\(error)")
    #expect(error.message.contains("hello"), "\(error)")
  }
}
