/// What `alert-source list/show` prints: everything but the credentials themselves.
public struct AlertSourceInfo: Codable, Sendable, Equatable {
  public var name: String
  public var type: AlertSourceType
  public var enabled: Bool
  public var pollIntervalSeconds: Int
  /// Credentials are configured.
  public var credentialsSet: Bool
  /// Credentials open under the current Master Secret (false after a restore with the wrong secret).
  public var credentialsReadable: Bool

  public init(
    name: String, type: AlertSourceType, enabled: Bool, pollIntervalSeconds: Int,
    credentialsSet: Bool, credentialsReadable: Bool
  ) {
    self.name = name
    self.type = type
    self.enabled = enabled
    self.pollIntervalSeconds = pollIntervalSeconds
    self.credentialsSet = credentialsSet
    self.credentialsReadable = credentialsReadable
  }
}
