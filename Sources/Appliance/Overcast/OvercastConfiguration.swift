/// Where and how the Overcast client connects.
public struct OvercastConfiguration: Sendable, Equatable {
  /// The vendor's service.
  public static let defaultBaseURL = "https://overcast.proofpoint.com"

  /// The service's base URL; `/v1/...` paths are appended to it.
  public var baseURL: String
  /// A PEM file of extra CA certificates trusted in addition to the system's roots.
  public var caBundlePath: String?
  /// Limit for establishing a connection: TCP connect, proxy CONNECT and TLS handshake.
  public var connectTimeout: Duration
  /// Limit for waiting on each read once the request has been sent.
  public var readTimeout: Duration
  /// The HTTP CONNECT proxy to go through; nil connects directly.
  public var proxy: OvercastProxy?

  public init(
    baseURL: String = OvercastConfiguration.defaultBaseURL,
    caBundlePath: String? = nil,
    connectTimeout: Duration = .seconds(10),
    readTimeout: Duration = .seconds(10),
    proxy: OvercastProxy? = nil
  ) {
    self.baseURL = baseURL
    self.caBundlePath = caBundlePath
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.proxy = proxy
  }
}
