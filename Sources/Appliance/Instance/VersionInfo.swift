/// What `show version` reports about the instance (the shell adds its own trsh version).
public struct VersionInfo: Codable, Sendable, Equatable {
  public var applianceVersion: String
  public var schemaVersion: Int
  public var generation: SchemaGeneration

  public init(applianceVersion: String, schemaVersion: Int, generation: SchemaGeneration) {
    self.applianceVersion = applianceVersion
    self.schemaVersion = schemaVersion
    self.generation = generation
  }
}
