/// A setting before it is stored: sensitive values are sealed under the Master Secret on insertion.
public struct SettingDraft: Sendable, Equatable {
  public var section: String
  public var key: String
  public var value: String
  public var sensitive: Bool

  public init(_ section: String, _ key: String, _ value: String, sensitive: Bool = false) {
    self.section = section
    self.key = key
    self.value = value
    self.sensitive = sensitive
  }
}
