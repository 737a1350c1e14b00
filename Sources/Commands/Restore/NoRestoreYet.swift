/// `restore status` before any restore: a field scripts can test (`"outcome": "none"`), not
/// only a sentence.
public struct NoRestoreYet: CommandResult {
  public init() {}
  public var text: String { "no restore has run on this instance" }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("none", forKey: .outcome)
  }
  enum CodingKeys: String, CodingKey { case outcome }
}
