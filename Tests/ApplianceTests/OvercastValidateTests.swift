import Appliance
import Foundation
import TestSupport
import Testing

/// `POST /v1/licenses/validate` against a real overcastd and its catalogue.
@Suite(.engines) struct OvercastValidateTests {
  @Test func eachKeyGetsItsVerdict() throws {
    let catalog = TestCatalog()
    let server = try OvercastdServer(catalog: catalog)
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }

    let keys = [
      catalog.valid, catalog.unknown, catalog.expired, catalog.revoked, catalog.boundElsewhere,
    ]
    let results = try client.validate(
      keys: keys, instanceID: "instance-a", hostname: "tr-new.example")
    #expect(results.map(\.key) == keys)
    #expect(
      results.map(\.outcome) == [
        .valid(product: TestCatalog.product, expires: TestCatalog.expiry),
        .invalid(reason: "unknown"),
        .invalid(reason: "expired"),
        .invalid(reason: "revoked"),
        .invalid(reason: "bound to another instance"),
      ])

    let log = try server.requestLog()
    #expect(log.count == 1)
    #expect(log.first?["method"] as? String == "POST")
    #expect(log.first?["path"] as? String == "/v1/licenses/validate")
    #expect(log.first?["keys"] as? Int == 5)
    #expect(log.first?["status"] as? Int == 200)
  }

  @Test func aValidKeyIsBoundToTheFirstInstanceThatValidatesIt() throws {
    let catalog = TestCatalog()
    let server = try OvercastdServer(catalog: catalog)
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }

    let first = try client.validate(
      keys: [catalog.secondValid], instanceID: "instance-a", hostname: "a")
    #expect(
      first.first?.outcome == .valid(product: "Threat Response Cluster", expires: "2098-06-30"))
    let again = try client.validate(
      keys: [catalog.secondValid], instanceID: "instance-a", hostname: "a")
    #expect(again.first?.isValid == true)
    let other = try client.validate(
      keys: [catalog.secondValid], instanceID: "instance-b", hostname: "b")
    #expect(other.first?.outcome == .invalid(reason: "bound to another instance"))
    #expect(try server.requestLog().count == 3)
  }

  @Test func anEmptyKeyListIsAnEmptyAnswer() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }
    #expect(try client.validate(keys: [], instanceID: "instance-a", hostname: "a").isEmpty)
    #expect(try server.requestLog().first?["keys"] as? Int == 0)
  }

  @Test func aResponseMissingAKeyIsAnUnexpectedBody() throws {
    let catalog = TestCatalog()
    let canned = try CannedHTTPServer(
      response: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
        + "Connection: close\r\n\r\n{\"results\":[]}")
    defer { canned.stop() }
    let client = try OvercastClient(
      configuration: .init(baseURL: "http://127.0.0.1:\(canned.port)"))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) {
      try client.validate(keys: [catalog.valid], instanceID: "instance-a", hostname: "a")
    }
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("unexpected body"), "\(error)")
    #expect(!error.message.contains(catalog.valid.value))
  }
}
