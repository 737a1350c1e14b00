import Foundation

/// The HTTPS proxy used for licensing only; the password is sealed under the Master Secret.
public struct ProxySettings: Sendable, Equatable {
  public var host: String
  public var port: Int
  public var username: String?
  public var sealedPassword: Data?

  public init(host: String, port: Int, username: String? = nil, sealedPassword: Data? = nil) {
    self.host = host
    self.port = port
    self.username = username
    self.sealedPassword = sealedPassword
  }
}
