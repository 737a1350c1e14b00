/// The `meta` table: what the instance is and where it came from.
public struct InstanceMeta: Codable, Sendable, Equatable {
  public var applianceVersion: String
  public var schemaVersion: Int
  public var hostname: String
  public var instanceId: String
  public var createdAt: String
  /// Appliance version the data was migrated from (set by the 4.x → 5.x migration).
  public var migratedFrom: String?

  public init(
    applianceVersion: String, schemaVersion: Int, hostname: String, instanceId: String,
    createdAt: String, migratedFrom: String? = nil
  ) {
    self.applianceVersion = applianceVersion
    self.schemaVersion = schemaVersion
    self.hostname = hostname
    self.instanceId = instanceId
    self.createdAt = createdAt
    self.migratedFrom = migratedFrom
  }

  /// The meta row of `key → value` pairs as every engine stores them.
  public init(values: [String: String]) {
    self.init(
      applianceVersion: values["appliance_version"] ?? "unknown",
      schemaVersion: Int(values["schema_version"] ?? "") ?? 0,
      hostname: values["hostname"] ?? "",
      instanceId: values["instance_id"] ?? "",
      createdAt: values["created_at"] ?? "",
      migratedFrom: values["migrated_from"])
  }
}
