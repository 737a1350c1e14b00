/// The licensing proxy as `license proxy show` reports it: never the password, only whether one is set.
public struct LicensingProxyInfo: Codable, Sendable, Equatable {
  public var host: String
  public var port: Int
  public var username: String?
  public var passwordSet: Bool
  /// False when the password was sealed under another Master Secret.
  public var passwordReadable: Bool

  public init(host: String, port: Int, username: String?, passwordSet: Bool, passwordReadable: Bool)
  {
    self.host = host
    self.port = port
    self.username = username
    self.passwordSet = passwordSet
    self.passwordReadable = passwordReadable
  }
}
