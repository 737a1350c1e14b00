import Appliance
import Foundation
import TestSupport
import Testing

/// Each way of failing to reach Overcast is reported distinctly, in plain words, and in time.
@Suite(.engines) struct OvercastConnectivityFailureTests {
  @Test func unknownCAIsATLSFailure() throws {
    let server = try OvercastdServer()
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration(trustingTestCA: false))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("TLS failure"), "\(error)")
    #expect(error.message.contains("not trusted"), "\(error)")
    #expect(try server.requestLog().isEmpty)
  }

  @Test func nameMismatchIsATLSFailure() throws {
    let server = try OvercastdServer(hostnames: ["overcast.example.test"])
    defer { server.stop() }
    let client = try OvercastClient(configuration: server.configuration())
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.message.contains("TLS failure"), "\(error)")
    #expect(error.message.contains("name mismatch"), "\(error)")
  }

  @Test func tlsToAPlainHTTPServerIsAHandshakeFailure() throws {
    let server = try OvercastdServer(tls: false)
    defer { server.stop() }
    var configuration = server.configuration(trustingTestCA: false)
    configuration.baseURL = "https://127.0.0.1:\(server.port)"
    let client = try OvercastClient(configuration: configuration)
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.message.contains("TLS failure"), "\(error)")
    #expect(error.message.contains("handshake"), "\(error)")
  }

  @Test func connectionRefusedIsReportedAtOnce() throws {
    let closed = try LoopbackSocket(listening: false)
    defer { closed.close() }
    let client = try OvercastClient(
      configuration: .init(baseURL: "https://127.0.0.1:\(closed.port)", connectTimeout: .seconds(5))
    )
    defer { client.close() }
    let start = ContinuousClock.now
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(ContinuousClock.now - start < .seconds(4))
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("connection refused"), "\(error)")
  }

  @Test func silentServerTimesOutConnectingWithinTheConnectTimeout() throws {
    let silent = try LoopbackSocket(listening: true)
    defer { silent.close() }
    let client = try OvercastClient(
      configuration: .init(
        baseURL: "https://127.0.0.1:\(silent.port)", connectTimeout: .seconds(1),
        readTimeout: .seconds(30)))
    defer { client.close() }
    let start = ContinuousClock.now
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    let elapsed = ContinuousClock.now - start
    #expect(elapsed >= .milliseconds(900))
    #expect(elapsed < .seconds(4))
    #expect(error.message.contains("timed out after 1s"), "\(error)")
    #expect(!error.message.contains("waiting for an answer"), "\(error)")
  }

  @Test func silentServerTimesOutReadingWithinTheReadTimeout() throws {
    let silent = try LoopbackSocket(listening: true)
    defer { silent.close() }
    // Plain HTTP: the connection is up as soon as the kernel completes the handshake, so only the read can wait.
    let client = try OvercastClient(
      configuration: .init(
        baseURL: "http://127.0.0.1:\(silent.port)", connectTimeout: .seconds(30),
        readTimeout: .seconds(1)))
    defer { client.close() }
    let start = ContinuousClock.now
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    let elapsed = ContinuousClock.now - start
    #expect(elapsed >= .milliseconds(900))
    #expect(elapsed < .seconds(4))
    #expect(error.message.contains("timed out after 1s waiting for an answer"), "\(error)")
  }

  @Test func unresolvableNameIsANameResolutionFailure() throws {
    let client = try OvercastClient(
      configuration: .init(
        baseURL: "https://overcast.nonexistent.invalid", connectTimeout: .seconds(5)))
    defer { client.close() }
    let error = try #require(throws: ApplianceError.self) { try client.ping() }
    #expect(error.kind == .connectivity)
    #expect(error.message.contains("name resolution failed"), "\(error)")
  }

  @Test func badURLIsAUsageError() throws {
    let error = try #require(throws: ApplianceError.self) {
      _ = try OvercastClient(configuration: .init(baseURL: "overcast.proofpoint.com"))
    }
    #expect(error.kind == .usage)
  }

  @Test func missingCABundleIsReported() throws {
    let error = try #require(throws: ApplianceError.self) {
      _ = try OvercastClient(configuration: .init(caBundlePath: "/nonexistent/ca.pem"))
    }
    #expect(error.message.contains("/nonexistent/ca.pem"))
  }
}
