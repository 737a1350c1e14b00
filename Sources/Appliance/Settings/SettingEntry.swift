/// One setting as shown to an admin: sensitive values are never revealed, only whether they are set and readable.
public struct SettingEntry: Codable, Sendable, Equatable {
  public var section: String
  public var key: String
  /// The value; nil for a sensitive one.
  public var value: String?
  public var sensitive: Bool
  /// For a sensitive value: whether it opens under this instance's Master Secret.
  public var readable: Bool

  /// `section/key`.
  public var path: String { "\(section)/\(key)" }

  /// The value as text: `(secret)`, or `(unreadable: re-enter it)` for a secret that does not open.
  public var shownValue: String {
    if sensitive { return readable ? "(secret)" : "(unreadable: re-enter it)" }
    return value ?? ""
  }
}
