import Appliance

/// The 4.x → 5.x migration (SQLiteStoreSchema's, statement for statement) as a mapping from a
/// 4.x image's tables and columns to the 5.x tables: a restore into PostgreSQL migrates each
/// row while loading it instead of rewriting an extracted image first.
enum LegacyImageMapping {
  /// How one 5.x column is filled from the 4.x row.
  enum Transform {
    case copy
    /// `attachments` (comma-separated) → `attachment_hashes` (JSON array text).
    case commaListToJSONArray
    /// `poll_minutes` → `poll_interval_seconds`.
    case minutesToSeconds
  }

  /// The 4.x table a 5.x table is loaded from; nil: it starts empty (the 5.x `settings`,
  /// `uploads`).
  static func sourceTable(of table: String) -> String? {
    switch table {
    case "settings", "uploads": nil
    case "legacy_settings": "settings"
    default: table
    }
  }

  /// The 4.x column and the transform that fill `column` of the 5.x `table`.
  static func source(of column: String, in table: String) -> (column: String, Transform) {
    switch (table, column) {
    case ("incidents", "state"): ("status", .copy)
    case ("incidents", "created_at"): ("created", .copy)
    case ("incidents", "updated_at"): ("modified", .copy)
    case ("alerts", "incident_id"): ("incident", .copy)
    case ("alerts", "received_at"): ("received", .copy)
    case ("alerts", "sender"): ("from_address", .copy)
    case ("alerts", "recipients"): ("to_addresses", .copy)
    case ("alerts", "attachment_hashes"): ("attachments", .commaListToJSONArray)
    case ("alert_sources", "poll_interval_seconds"): ("poll_minutes", .minutesToSeconds)
    case ("users", "username"): ("login", .copy)
    default: (column, .copy)
    }
  }

  /// What the migration does to `meta` once the rows are in (run with the loaded schema first
  /// on the search path).
  static let metaUpdates: [(sql: String, binds: [ArchiveValue])] = [
    (
      "INSERT INTO meta (key, value) SELECT 'migrated_from', value FROM meta WHERE key = 'appliance_version'",
      []
    ),
    (
      "UPDATE meta SET value = $1 WHERE key = 'schema_version'",
      [.text(String(SchemaGeneration.current.schemaVersion))]
    ),
    (
      "UPDATE meta SET value = $1 WHERE key = 'appliance_version'",
      [.text(SchemaGeneration.current.applianceVersion)]
    ),
  ]
}
