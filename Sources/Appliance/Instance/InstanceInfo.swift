/// What `instance info` reports: identity, files and record counts.
public struct InstanceInfo: Codable, Sendable, Equatable {
  public var path: String
  public var instanceId: String
  public var hostname: String
  public var applianceVersion: String
  public var schemaVersion: Int
  public var generation: SchemaGeneration
  public var createdAt: String
  public var migratedFrom: String?
  public var databaseBytes: Int64
  /// The database engine (`sqlite`, `postgresql`).
  public var engine: String
  public var backups: Int
  public var uploads: Int
  public var secretFingerprint: String
  /// Row count per table.
  public var tables: [String: Int]

  public init(
    path: String, instanceId: String, hostname: String, applianceVersion: String,
    schemaVersion: Int, generation: SchemaGeneration, createdAt: String, migratedFrom: String?,
    databaseBytes: Int64, backups: Int, uploads: Int, secretFingerprint: String,
    tables: [String: Int], engine: String = "sqlite"
  ) {
    self.engine = engine
    self.path = path
    self.instanceId = instanceId
    self.hostname = hostname
    self.applianceVersion = applianceVersion
    self.schemaVersion = schemaVersion
    self.generation = generation
    self.createdAt = createdAt
    self.migratedFrom = migratedFrom
    self.databaseBytes = databaseBytes
    self.backups = backups
    self.uploads = uploads
    self.secretFingerprint = secretFingerprint
    self.tables = tables
  }
}
