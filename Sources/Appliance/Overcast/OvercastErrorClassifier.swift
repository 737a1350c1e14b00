import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the errors of NIO, AsyncHTTPClient and NIOSSL into one plain-words connectivity error each.
///
/// It knows the target and the proxy so that it can say which of the two failed, and the
/// proxy password so that no message can ever carry it.
struct OvercastErrorClassifier: Sendable {
  /// `host:port` of the Overcast service.
  var target: String
  var proxy: OvercastProxy?
  var connectTimeout: Duration
  var readTimeout: Duration

  /// `proxyStatus` is the proxy's CONNECT status when it is known (see `ProxyConnectProbe`).
  func classify(_ error: any Error, proxyStatus: Int? = nil) -> ApplianceError {
    if let error = error as? ApplianceError { return redacted(error) }
    if let error = error as? HTTPClientError, error == .invalidProxyResponse {
      return redacted(.connectivity(proxyRejected(status: proxyStatus)))
    }
    return redacted(.connectivity(message(for: error)))
  }

  private func proxyRejected(status: Int?) -> String {
    switch status {
    case .some(let code) where code == 401 || code == 407:
      return proxyAuthenticationRequired(status: code)
    case 403:
      return
        "the proxy \(proxyAddress) refused the connection to \(target) (HTTP 403: not allowed by the proxy)"
    case .some(let code) where (500...599).contains(code):
      return "the proxy \(proxyAddress) could not connect to \(target) (HTTP \(code))"
    case .some(let code):
      return "the proxy \(proxyAddress) refused the connection to \(target) (HTTP \(code))"
    case nil:
      return "the proxy \(proxyAddress) refused the connection to \(target)"
    }
  }

  private func proxyAuthenticationRequired(status: Int) -> String {
    "the proxy \(proxyAddress) requires authentication (HTTP \(status)): "
      + (proxy?.username == nil
        ? "configure a proxy user and password" : "check the proxy user and password")
  }

  private func message(for error: any Error) -> String {
    switch error {
    case let error as HTTPClientError:
      return message(for: error)
    case let error as NIOConnectionError:
      return message(for: error)
    case let error as IOError:
      return connectFailure(errno: error.errnoCode, host: nil)
    case ChannelError.connectTimeout:
      return connectTimedOut()
    case is SocketAddressError.UnknownHost:
      return nameResolutionFailed()
    case let error as NIOSSLExtraError where error == .failedToValidateHostname:
      return tlsFailure(
        "the server's certificate does not match the name \(hostOnly(target)) (name mismatch)")
    case let error as NIOSSLError:
      return message(for: error)
    default:
      if case SocketAddressError.unknown = error { return nameResolutionFailed() }
      return "Overcast request to \(target) failed: \(error)"
    }
  }

  private func message(for error: HTTPClientError) -> String {
    switch error {
    case .connectTimeout:
      return connectTimedOut()
    case .tlsHandshakeTimeout:
      return "timed out after \(seconds(connectTimeout)) in the TLS handshake with \(target)"
    case .httpProxyHandshakeTimeout:
      return
        "timed out after \(seconds(connectTimeout)) waiting for the proxy \(proxyAddress) to connect to \(target)"
    case .readTimeout:
      return "timed out after \(seconds(readTimeout)) waiting for an answer from \(target)"
    case .deadlineExceeded:
      return "timed out waiting for \(target)"
    case .proxyAuthenticationRequired:
      return proxyAuthenticationRequired(status: 407)
    case .remoteConnectionClosed:
      return proxy == nil
        ? "\(target) closed the connection without answering"
        : "the connection to \(target) through the proxy \(proxyAddress) was closed without an answer"
    case .uncleanShutdown:
      return "\(target) closed the TLS connection uncleanly"
    case .invalidURL, .emptyHost, .emptyScheme:
      return "the Overcast URL is not usable: \(error)"
    default:
      return "Overcast request to \(target) failed: \(error)"
    }
  }

  private func message(for error: NIOConnectionError) -> String {
    let viaProxy = proxy.map { error.host == $0.host } ?? false
    if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
      return nameResolutionFailed(host: error.host, proxy: viaProxy)
    }
    for failure in error.connectionErrors {
      if let io = failure.error as? IOError {
        return connectFailure(errno: io.errnoCode, host: error.host, proxy: viaProxy)
      }
      if case ChannelError.connectTimeout = failure.error {
        return connectTimedOut()
      }
    }
    if let first = error.connectionErrors.first {
      return
        "could not connect to \(viaProxy ? "the proxy \(proxyAddress)" : target): \(first.error)"
    }
    return nameResolutionFailed(host: error.host, proxy: viaProxy)
  }

  private func message(for error: NIOSSLError) -> String {
    switch error {
    case .handshakeFailed(let reason):
      return tlsFailure(handshakeReason(String(describing: reason)))
    case .uncleanShutdown:
      return tlsFailure("handshake failure: \(target) closed the connection during the handshake")
    case .unableToValidateCertificate, .noCertificateToValidate:
      return tlsFailure("the server's certificate could not be validated")
    case .cannotMatchULabel:
      return tlsFailure("the host name cannot be matched against a certificate")
    default:
      return tlsFailure("handshake failure (\(error))")
    }
  }

  /// Reads BoringSSL's reason codes (`...:CERTIFICATE_VERIFY_FAILED`) into words.
  func handshakeReason(_ text: String) -> String {
    let tokens = text.split(whereSeparator: { !($0.isUppercase || $0.isNumber || $0 == "_") })
      .map(String.init).filter { $0.count >= 6 && $0.contains("_") }
    if tokens.contains("CERTIFICATE_VERIFY_FAILED") {
      return
        "the server's certificate is not trusted (unknown CA: it is not signed by a trusted authority)"
    }
    if tokens.contains("WRONG_VERSION_NUMBER") || tokens.contains("PACKET_LENGTH_TOO_LONG") {
      return "handshake failure: \(target) does not speak TLS (is it plain HTTP?)"
    }
    if let alert = tokens.last(where: { $0.contains("ALERT") }) {
      return "handshake failure: the server rejected the handshake (\(alert))"
    }
    if let last = tokens.last {
      return "handshake failure (\(last))"
    }
    return "handshake failure"
  }

  private func tlsFailure(_ reason: String) -> String {
    "TLS failure with \(target): \(reason)"
  }

  private func connectFailure(errno code: CInt, host: String?, proxy viaProxy: Bool = false)
    -> String
  {
    let whom = viaProxy ? "the proxy \(proxyAddress)" : target
    switch code {
    case ECONNREFUSED:
      return viaProxy
        ? "the proxy \(proxyAddress) refused the connection (nothing listening there?)"
        : "connection refused by \(target) (nothing listening there?)"
    case ETIMEDOUT:
      return connectTimedOut()
    case ENETUNREACH, EHOSTUNREACH:
      return "\(whom) is unreachable (no route to host)"
    case ECONNRESET:
      return "\(whom) reset the connection"
    default:
      return "could not connect to \(whom): \(String(cString: strerror(code)))"
    }
  }

  private func connectTimedOut() -> String {
    if let proxy {
      return
        "timed out after \(seconds(connectTimeout)) connecting to \(target) through the proxy \(proxy.address)"
    }
    return "timed out after \(seconds(connectTimeout)) connecting to \(target)"
  }

  private func nameResolutionFailed(host: String? = nil, proxy viaProxy: Bool = false) -> String {
    let name = host ?? (proxy?.host ?? hostOnly(target))
    return viaProxy
      ? "name resolution failed for the proxy host '\(name)'"
      : "name resolution failed for '\(name)': no such host, or DNS is unreachable"
  }

  private var proxyAddress: String { proxy?.address ?? "(none)" }

  private func hostOnly(_ hostPort: String) -> String {
    guard let colon = hostPort.lastIndex(of: ":") else { return hostPort }
    var host = String(hostPort[..<colon])
    if host.hasPrefix("[") { host = String(host.dropFirst().dropLast()) }
    return host
  }

  private func seconds(_ duration: Duration) -> String {
    let ms = PingStatistics.milliseconds(duration)
    return ms.truncatingRemainder(dividingBy: 1000) == 0
      ? "\(Int(ms / 1000))s" : "\(PingStatistics.format(ms / 1000, decimals: 1))s"
  }

  /// Removes the proxy password from a message, whatever produced it.
  func redacted(_ error: ApplianceError) -> ApplianceError {
    guard let password = proxy?.password, !password.isEmpty, error.message.contains(password) else {
      return error
    }
    return ApplianceError(
      error.kind, error.message.replacingOccurrences(of: password, with: "********"))
  }
}
