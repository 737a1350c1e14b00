/// What a backup archive says about itself; readable without decompressing the body.
public struct BackupHeader: Codable, Sendable, Equatable {
  /// Version of the archive container format (set by the writer).
  public var formatVersion: Int
  /// Version of the appliance that wrote the backup, e.g. "4.6.2".
  public var applianceVersion: String
  public var schemaVersion: Int
  public var hostname: String
  public var instanceID: String
  /// ISO-8601 creation time, kept as text so it reads back exactly as written.
  public var createdAt: String
  /// Rows per table, shown by `backup show` and compared after a restore.
  public var recordCounts: [String: Int]
  /// Keyed check value of the Master Secret the encrypted fields were written under.
  public var secretFingerprint: String
  /// Whether alert sources were still enabled (a forced backup).
  public var sourcesLive: Bool
  public var includesIncidents: Bool
  /// Uncompressed size of the body (the database image); set by the writer.
  public var bodyBytes: Int64

  public init(
    applianceVersion: String, schemaVersion: Int, hostname: String, instanceID: String,
    createdAt: String, recordCounts: [String: Int], secretFingerprint: String,
    sourcesLive: Bool, includesIncidents: Bool, bodyBytes: Int64 = 0,
    formatVersion: Int = 1
  ) {
    self.formatVersion = formatVersion
    self.applianceVersion = applianceVersion
    self.schemaVersion = schemaVersion
    self.hostname = hostname
    self.instanceID = instanceID
    self.createdAt = createdAt
    self.recordCounts = recordCounts
    self.secretFingerprint = secretFingerprint
    self.sourcesLive = sourcesLive
    self.includesIncidents = includesIncidents
    self.bodyBytes = bodyBytes
  }
}
