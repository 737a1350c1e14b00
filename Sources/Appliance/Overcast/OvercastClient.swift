import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A synchronous client for the Overcast ping and licence service.
///
/// Certificate verification is always on; the configured CA bundle only adds trust roots.
/// Every failure surfaces as `ApplianceError` of kind `.connectivity` in plain words.
/// Call `close()` when done (the deinitializer does it as a fallback).
public final class OvercastClient: Sendable {
  public let configuration: OvercastConfiguration
  private let http: HTTPClient
  private let baseURL: String
  private let classifier: OvercastErrorClassifier

  public init(configuration: OvercastConfiguration) throws {
    self.configuration = configuration
    let base =
      configuration.baseURL.hasSuffix("/")
      ? String(configuration.baseURL.dropLast()) : configuration.baseURL
    guard let url = URL(string: base), let scheme = url.scheme?.lowercased(),
      ["https", "http"].contains(scheme),
      let host = url.host, !host.isEmpty
    else {
      throw ApplianceError.usage(
        "Overcast URL '\(configuration.baseURL)' must look like https://HOST[:PORT]")
    }
    baseURL = base
    let port = url.port ?? (scheme == "https" ? 443 : 80)
    let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    classifier = OvercastErrorClassifier(
      target: "\(hostPart):\(port)", proxy: configuration.proxy,
      connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout)

    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .fullVerification
    tls.trustRoots = .default
    if let bundle = configuration.caBundlePath {
      tls.additionalTrustRoots = [.certificates(try Self.loadCABundle(bundle))]
    }

    var http = HTTPClient.Configuration(
      tlsConfiguration: tls,
      // Overcast never redirects; following one could leak the request elsewhere.
      redirectConfiguration: .disallow,
      timeout: .init(
        connect: Self.timeAmount(configuration.connectTimeout),
        read: Self.timeAmount(configuration.readTimeout)),
      proxy: configuration.proxy.map { proxy in
        .server(
          host: proxy.host, port: proxy.port,
          authorization: proxy.username.map { .basic(username: $0, password: proxy.password ?? "") }
        )
      }
    )
    // Fail on the first connection error instead of retrying until the connect timeout,
    // so that "connection refused" is reported at once and as itself.
    http.connectionPool.retryConnectionEstablishment = false
    http.httpVersion = .http1Only
    self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
  }

  deinit {
    close()
  }

  /// Shuts the HTTP client down; later calls fail. Safe to call more than once.
  public func close() {
    if MultiThreadedEventLoopGroup.currentEventLoop != nil {
      // Blocking an event loop on its own shutdown would deadlock.
      http.shutdown { _ in }
    } else {
      try? http.syncShutdown()
    }
  }

  /// `GET /v1/ping`, expecting `200` and `pong`; throws `cancelled` as soon as `cancel` says
  /// so, without waiting for the answer (the client is closed then).
  public func ping(cancel: (any Cancellation)? = nil) throws -> PingResult {
    let start = ContinuousClock.now
    let (status, body) = try perform(method: .GET, path: "/v1/ping", body: nil, cancel: cancel)
    let rtt = ContinuousClock.now - start
    try expectOK(status, body)
    guard
      String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        == "pong"
    else {
      throw unexpectedBody(body, expected: "pong")
    }
    return PingResult(rtt: rtt)
  }

  /// `POST /v1/licenses/validate`: one verdict per key, in the order given.
  public func validate(keys: [LicenseKey], instanceID: String, hostname: String) throws
    -> [LicenseValidation]
  {
    let request = OvercastValidateRequestBody(
      keys: keys.map(\.value), instance: .init(id: instanceID, hostname: hostname))
    let (status, body) = try perform(
      method: .POST, path: "/v1/licenses/validate", body: try JSONEncoder().encode(request))
    try expectOK(status, body)
    let decoded: OvercastValidateResponseBody
    do {
      decoded = try JSONDecoder().decode(OvercastValidateResponseBody.self, from: Data(body))
    } catch {
      throw unexpectedBody(body, expected: "a JSON object with results")
    }
    var byKey: [String: OvercastValidateResponseBody.Result] = [:]
    for result in decoded.results {
      guard let key = try? LicenseKey(result.key) else {
        throw unexpectedBody(body, expected: "results for valid licence keys")
      }
      byKey[key.value] = result
    }
    return try keys.map { key in
      guard let result = byKey[key.value] else {
        throw unexpectedBody(
          body, expected: "a result for every key sent (\(key.masked) is missing)")
      }
      if result.valid {
        guard let product = result.product, !product.isEmpty, let expires = result.expires,
          Self.isDate(expires)
        else {
          throw unexpectedBody(
            body, expected: "a product and a YYYY-MM-DD expiry for each valid key")
        }
        return LicenseValidation(key: key, outcome: .valid(product: product, expires: expires))
      }
      guard let reason = result.reason, !reason.isEmpty else {
        throw unexpectedBody(body, expected: "a reason for each invalid key")
      }
      return LicenseValidation(key: key, outcome: .invalid(reason: reason))
    }
  }

  private func perform(
    method: HTTPMethod, path: String, body: Data?, cancel: (any Cancellation)? = nil
  ) throws -> (UInt, [UInt8]) {
    do {
      var request = try HTTPClient.Request(url: baseURL + path, method: method)
      request.headers.add(name: "User-Agent", value: "trsh")
      request.headers.add(name: "Accept", value: method == .GET ? "text/plain" : "application/json")
      if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .data(body)
      }
      let task = http.execute(request: request, delegate: ResponseAccumulator(request: request))
      let response = try wait(for: task, cancel: cancel)
      let bytes = response.body.map { Array($0.readableBytesView) } ?? []
      return (response.status.code, bytes)
    } catch let error as ApplianceError where error.kind == .cancelled {
      throw error
    } catch let error as HTTPClientError where error == .invalidProxyResponse {
      let status = configuration.proxy.flatMap {
        ProxyConnectProbe.status(
          proxy: $0, target: classifier.target, timeout: configuration.connectTimeout)
      }
      throw classifier.classify(error, proxyStatus: status)
    } catch {
      throw classifier.classify(error)
    }
  }

  /// Waits for a request; once cancelled, abandons it at once instead of waiting up to the
  /// timeouts for an answer, and closes the client without waiting (a connection still being
  /// set up would hold a blocking close until its timeout).
  private func wait<T: Sendable>(for task: HTTPClient.Task<T>, cancel: (any Cancellation)?) throws
    -> T
  {
    guard let cancel else { return try task.futureResult.wait() }
    let done = DispatchSemaphore(value: 0)
    task.futureResult.whenComplete { _ in done.signal() }
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      if cancel.isCancelled {
        task.cancel()
        http.shutdown { _ in }
        throw ApplianceError.cancelled
      }
    }
    return try task.futureResult.wait()
  }

  private func expectOK(_ status: UInt, _ body: [UInt8]) throws {
    guard status == 200 else {
      throw classifier.redacted(
        .connectivity(
          "Overcast at \(classifier.target) answered with unexpected HTTP status \(status)"))
    }
  }

  private func unexpectedBody(_ body: [UInt8], expected: String) -> ApplianceError {
    let text = String(decoding: body.prefix(80), as: UTF8.self)
      .map { $0.isASCII && !$0.isNewline && $0 != "\t" ? String($0) : "?" }.joined()
    let shown = body.isEmpty ? "an empty body" : "'\(text)\(body.count > 80 ? "..." : "")'"
    return classifier.redacted(
      .connectivity(
        "Overcast at \(classifier.target) answered with an unexpected body: expected \(expected), got \(shown)"
      ))
  }

  static func loadCABundle(_ path: String) throws -> [NIOSSLCertificate] {
    try parseCABundle(InputFile.read(path, what: "the CA bundle"), path: path)
  }

  /// The certificates of a PEM bundle read from `path`.
  static func parseCABundle(_ pem: Data, path: String) throws -> [NIOSSLCertificate] {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem))
    } catch {
      throw ApplianceError.failed("the CA bundle \(path) is not a PEM certificate file (\(error))")
    }
    guard !certificates.isEmpty else {
      throw ApplianceError.failed("the CA bundle \(path) holds no certificate")
    }
    return certificates
  }

  static func timeAmount(_ duration: Duration) -> TimeAmount {
    let (seconds, attoseconds) = duration.components
    return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts.map(\.count) == [4, 2, 2]
      && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}
