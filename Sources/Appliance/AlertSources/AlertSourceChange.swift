/// The outcome of enabling or disabling one alert source.
public struct AlertSourceChange: Codable, Sendable, Equatable {
  public var name: String
  public var wasEnabled: Bool
  public var enabled: Bool
  /// False when the source already was in the requested state.
  public var changed: Bool { wasEnabled != enabled }

  public init(name: String, wasEnabled: Bool, enabled: Bool) {
    self.name = name
    self.wasEnabled = wasEnabled
    self.enabled = enabled
  }

  enum CodingKeys: String, CodingKey { case name, wasEnabled, enabled, changed }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    wasEnabled = try c.decode(Bool.self, forKey: .wasEnabled)
    enabled = try c.decode(Bool.self, forKey: .enabled)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(wasEnabled, forKey: .wasEnabled)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(changed, forKey: .changed)
  }
}
