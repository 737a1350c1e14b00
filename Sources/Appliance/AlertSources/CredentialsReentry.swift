/// What re-entering one alert source's credentials changed (never the credentials themselves).
public struct CredentialsReentry: Codable, Sendable, Equatable {
  /// The source's name as stored.
  public var name: String
  /// The restore had marked this source's credentials unreadable.
  public var wasUnreadable: Bool
  /// Fields the restore left unreadable that still are (labels, as `show status` lists them).
  public var remainingUnreadable: [String]

  public init(name: String, wasUnreadable: Bool, remainingUnreadable: [String]) {
    self.name = name
    self.wasUnreadable = wasUnreadable
    self.remainingUnreadable = remainingUnreadable
  }

  /// No field is left unreadable: the instance is consistent again.
  public var consistent: Bool { remainingUnreadable.isEmpty }
}
