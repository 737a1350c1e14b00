import Appliance
import GRDB

/// The schema of both generations and the 4.x → 5.x migration, as GRDB migrations.
///
/// Migrations are cumulative: a fresh 5.x database runs the 4.x schema and then the
/// migration on empty tables, so the migration every restore depends on runs every day.
/// A legacy database stops after `legacyMigration`.
///
/// What the migration does to the data:
/// * renames columns (incidents, alerts, users): values untouched;
/// * `alerts.attachments` (comma-separated) becomes `attachment_hashes` (JSON array text),
///   renamed and rewritten in one pass: adding a column and dropping the old one rewrote a
///   million alerts twice;
/// * `alert_sources.poll_minutes` becomes `poll_interval_seconds`;
/// * the 4.x settings move, unchanged and in their `Setup/...` paths, to `legacy_settings`;
///   `settings` starts empty (the 5.x layout), and `settings copy` maps them across;
/// * `meta` gets schema version 5, the 5.x appliance version, and `migrated_from`.
/// The SQL is plain (ALTER TABLE RENAME/ADD/DROP COLUMN, `||`, `replace`) so that it ports to PostgreSQL.
enum SQLiteStoreSchema {
  /// Tables present before and after `migrateLegacyToCurrent` whose row counts it changes
  /// (`settings` is emptied, `meta` gains rows); every other table keeps its rows.
  static let tablesRecountedAfterMigration: Set<String> = ["settings", "meta"]

  static let legacyMigration = "4.6-schema"
  static let currentMigration = "5.0-from-4.6"

  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    // Immediate foreign key checks: no table is rebuilt, so no deferred full check is needed.
    migrator.registerMigration(legacyMigration, foreignKeyChecks: .immediate) { db in
      try db.execute(sql: legacyDDL)
    }
    migrator.registerMigration(currentMigration, foreignKeyChecks: .immediate) { db in
      try migrateLegacyToCurrent(db)
    }
    return migrator
  }

  /// Migrates a 4.x database to the 5.x schema, keeping every record (see the type's comment).
  static func migrateLegacyToCurrent(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE incidents RENAME COLUMN status TO state;
        ALTER TABLE incidents RENAME COLUMN created TO created_at;
        ALTER TABLE incidents RENAME COLUMN modified TO updated_at;
        ALTER TABLE alerts RENAME COLUMN incident TO incident_id;
        ALTER TABLE alerts RENAME COLUMN received TO received_at;
        ALTER TABLE alerts RENAME COLUMN from_address TO sender;
        ALTER TABLE alerts RENAME COLUMN to_addresses TO recipients;
        ALTER TABLE alerts RENAME COLUMN attachments TO attachment_hashes;
        UPDATE alerts SET attachment_hashes = CASE attachment_hashes WHEN '' THEN '[]'
          ELSE '["' || replace(attachment_hashes, ',', '","') || '"]' END;
        ALTER TABLE alert_sources ADD COLUMN poll_interval_seconds INTEGER NOT NULL DEFAULT 300;
        UPDATE alert_sources SET poll_interval_seconds = poll_minutes * 60;
        ALTER TABLE alert_sources DROP COLUMN poll_minutes;
        ALTER TABLE users RENAME COLUMN login TO username;
        ALTER TABLE settings RENAME TO legacy_settings;
        CREATE TABLE settings (
          section TEXT NOT NULL,
          key TEXT NOT NULL,
          value TEXT,
          sealed_value BLOB,
          encrypted INTEGER NOT NULL,
          PRIMARY KEY (section, key));
        CREATE TABLE uploads (
          id INTEGER PRIMARY KEY,
          file_name TEXT NOT NULL,
          kind TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          uploaded_at TEXT NOT NULL);
        INSERT INTO meta (key, value)
          SELECT 'migrated_from', value FROM meta WHERE key = 'appliance_version';
        """)
    try db.execute(
      sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'",
      arguments: [String(SchemaGeneration.current.schemaVersion)])
    try db.execute(
      sql: "UPDATE meta SET value = ? WHERE key = 'appliance_version'",
      arguments: [SchemaGeneration.current.applianceVersion])
  }

  static let legacyDDL = """
    CREATE TABLE meta (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL);
    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY,
      status TEXT NOT NULL,
      score INTEGER NOT NULL,
      type TEXT NOT NULL,
      summary TEXT NOT NULL,
      assignee TEXT,
      team TEXT,
      created TEXT NOT NULL,
      modified TEXT NOT NULL);
    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      incident INTEGER REFERENCES incidents(id),
      source TEXT NOT NULL,
      severity TEXT NOT NULL,
      received TEXT NOT NULL,
      from_address TEXT NOT NULL,
      to_addresses TEXT NOT NULL,
      subject TEXT NOT NULL,
      message_id TEXT NOT NULL,
      attachments TEXT NOT NULL);
    CREATE INDEX alerts_by_incident ON alerts(incident);
    CREATE TABLE alert_sources (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      poll_minutes INTEGER NOT NULL,
      credentials BLOB,
      revision INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE quarantine_results (
      id INTEGER PRIMARY KEY,
      alert_id INTEGER NOT NULL REFERENCES alerts(id),
      incident_id INTEGER REFERENCES incidents(id),
      mailbox TEXT NOT NULL,
      action TEXT NOT NULL,
      status TEXT NOT NULL,
      performed_at TEXT NOT NULL);
    CREATE INDEX quarantine_results_by_alert ON quarantine_results(alert_id);
    CREATE TABLE lists (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL);
    CREATE TABLE list_members (
      id INTEGER PRIMARY KEY,
      list_id INTEGER NOT NULL REFERENCES lists(id),
      value TEXT NOT NULL,
      added_at TEXT NOT NULL);
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      login TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      is_system INTEGER NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL);
    CREATE TABLE settings (
      section TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT,
      sealed_value BLOB,
      encrypted INTEGER NOT NULL,
      PRIMARY KEY (section, key));
    CREATE TABLE licenses (
      license_key TEXT PRIMARY KEY NOT NULL,
      state TEXT NOT NULL,
      product_name TEXT,
      expires_at TEXT,
      last_validated_at TEXT,
      reason TEXT);
    CREATE TABLE proxy_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      host TEXT NOT NULL,
      port INTEGER NOT NULL,
      username TEXT,
      password BLOB);
    CREATE TABLE workflow (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL);
    CREATE TABLE workflow_history (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      command TEXT NOT NULL,
      user_name TEXT NOT NULL,
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL);
    """
}
