/// The outcome of `settings set` or `unset`: the path and its value before and after (secrets shown as `(secret)`).
public struct SettingEdit: Codable, Sendable, Equatable {
  public var path: String
  public var before: String?
  public var after: String?
}
