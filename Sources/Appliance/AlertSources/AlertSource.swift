import Foundation

/// An alert source as stored, credentials still sealed (never hand this to output: use `AlertSourceInfo`).
public struct AlertSource: Sendable, Equatable {
  public var id: Int64
  public var name: String
  public var type: AlertSourceType
  public var enabled: Bool
  public var pollIntervalSeconds: Int
  /// AES-GCM sealed credentials (JSON text inside), nil when none are configured.
  public var sealedCredentials: Data?
  /// Bumped on every change, so concurrent writers can be shown to lose nothing.
  public var revision: Int

  public init(
    id: Int64, name: String, type: AlertSourceType, enabled: Bool, pollIntervalSeconds: Int,
    sealedCredentials: Data?, revision: Int = 0
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.enabled = enabled
    self.pollIntervalSeconds = pollIntervalSeconds
    self.sealedCredentials = sealedCredentials
    self.revision = revision
  }
}
