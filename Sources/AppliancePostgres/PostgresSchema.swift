import Appliance

/// The appliance schema in PostgreSQL: the same tables, columns and column order as the
/// SQLite image (so table digests agree across engines), text compared bytewise (`COLLATE
/// "C"`, as SQLite does), integers as BIGINT, bytes as BYTEA. 5.x is the 4.x schema plus the
/// same migration SQLite runs.
enum PostgresSchema {
  /// The schema holding the live tables.
  static let live = "appliance"
  /// Where a restore builds the next data before the swap.
  static let restoring = "appliance_restore"
  /// The replaced data during the swap's transaction.
  static let replaced = "appliance_replaced"

  /// Every table, parents before children (the load order).
  static func tables(_ generation: SchemaGeneration) -> [String] {
    let common = [
      "meta", "incidents", "alerts", "alert_sources", "quarantine_results", "lists",
      "list_members", "users", "settings", "licenses", "proxy_settings", "workflow",
      "workflow_history",
    ]
    return generation == .legacy ? common : common + ["legacy_settings", "uploads"]
  }

  /// Key columns per table, for ordered reads (digests, snapshots).
  static func primaryKey(_ table: String) -> [String] {
    switch table {
    case "meta", "workflow": return ["key"]
    case "settings", "legacy_settings": return ["section", "key"]
    case "licenses": return ["license_key"]
    default: return ["id"]
    }
  }

  /// Tables whose rows a backup made without incidents leaves out.
  static let incidentTables: Set<String> = ["incidents", "alerts", "quarantine_results"]

  /// The channel every committed change to the appliance's tables is announced on.
  static let changeChannel = "trsh_change"

  /// DDL creating the tables of `generation` in `schema` (which must exist and be empty),
  /// each with a statement trigger that announces changes on `changeChannel` (PostgreSQL sends
  /// the notice at commit, once per transaction): what cached summaries are invalidated by.
  static func ddl(_ generation: SchemaGeneration, in schema: String) -> String {
    var ddl = legacyDDL.replacingOccurrences(of: "%S", with: schema)
    if generation == .current { ddl += migrationDDL.replacingOccurrences(of: "%S", with: schema) }
    ddl += """
      CREATE FUNCTION \(schema).notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('\(changeChannel)', ''); RETURN NULL; END $$;

      """
    for table in tables(generation) {
      ddl += """
        CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(schema).\(table) FOR EACH STATEMENT EXECUTE FUNCTION \(schema).notify_change();

        """
    }
    return ddl
  }

  private static let legacyDDL = """
    CREATE TABLE %S.meta (
      key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
      value TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.incidents (
      id BIGINT PRIMARY KEY,
      status TEXT COLLATE "C" NOT NULL,
      score BIGINT NOT NULL,
      type TEXT COLLATE "C" NOT NULL,
      summary TEXT COLLATE "C" NOT NULL,
      assignee TEXT COLLATE "C",
      team TEXT COLLATE "C",
      created TEXT COLLATE "C" NOT NULL,
      modified TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.alerts (
      id BIGINT PRIMARY KEY,
      incident BIGINT REFERENCES %S.incidents(id),
      source TEXT COLLATE "C" NOT NULL,
      severity TEXT COLLATE "C" NOT NULL,
      received TEXT COLLATE "C" NOT NULL,
      from_address TEXT COLLATE "C" NOT NULL,
      to_addresses TEXT COLLATE "C" NOT NULL,
      subject TEXT COLLATE "C" NOT NULL,
      message_id TEXT COLLATE "C" NOT NULL,
      attachments TEXT COLLATE "C" NOT NULL);
    CREATE INDEX alerts_by_incident ON %S.alerts(incident);
    CREATE TABLE %S.alert_sources (
      id BIGINT PRIMARY KEY,
      name TEXT COLLATE "C" NOT NULL UNIQUE,
      type TEXT COLLATE "C" NOT NULL,
      enabled BIGINT NOT NULL,
      poll_minutes BIGINT NOT NULL,
      credentials BYTEA,
      revision BIGINT NOT NULL DEFAULT 0);
    CREATE TABLE %S.quarantine_results (
      id BIGINT PRIMARY KEY,
      alert_id BIGINT NOT NULL REFERENCES %S.alerts(id),
      incident_id BIGINT REFERENCES %S.incidents(id),
      mailbox TEXT COLLATE "C" NOT NULL,
      action TEXT COLLATE "C" NOT NULL,
      status TEXT COLLATE "C" NOT NULL,
      performed_at TEXT COLLATE "C" NOT NULL);
    CREATE INDEX quarantine_results_by_alert ON %S.quarantine_results(alert_id);
    CREATE TABLE %S.lists (
      id BIGINT PRIMARY KEY,
      name TEXT COLLATE "C" NOT NULL UNIQUE,
      kind TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.list_members (
      id BIGINT PRIMARY KEY,
      list_id BIGINT NOT NULL REFERENCES %S.lists(id),
      value TEXT COLLATE "C" NOT NULL,
      added_at TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.users (
      id BIGINT PRIMARY KEY,
      login TEXT COLLATE "C" NOT NULL UNIQUE,
      password_hash TEXT COLLATE "C" NOT NULL,
      is_system BIGINT NOT NULL,
      role TEXT COLLATE "C" NOT NULL,
      created_at TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.settings (
      section TEXT COLLATE "C" NOT NULL,
      key TEXT COLLATE "C" NOT NULL,
      value TEXT COLLATE "C",
      sealed_value BYTEA,
      encrypted BIGINT NOT NULL,
      PRIMARY KEY (section, key));
    CREATE TABLE %S.licenses (
      license_key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
      state TEXT COLLATE "C" NOT NULL,
      product_name TEXT COLLATE "C",
      expires_at TEXT COLLATE "C",
      last_validated_at TEXT COLLATE "C",
      reason TEXT COLLATE "C");
    CREATE TABLE %S.proxy_settings (
      id BIGINT PRIMARY KEY CHECK (id = 1),
      host TEXT COLLATE "C" NOT NULL,
      port BIGINT NOT NULL,
      username TEXT COLLATE "C",
      password BYTEA);
    CREATE TABLE %S.workflow (
      key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
      value TEXT COLLATE "C" NOT NULL);
    CREATE TABLE %S.workflow_history (
      id BIGINT PRIMARY KEY,
      at TEXT COLLATE "C" NOT NULL,
      command TEXT COLLATE "C" NOT NULL,
      user_name TEXT COLLATE "C" NOT NULL,
      from_state TEXT COLLATE "C" NOT NULL,
      to_state TEXT COLLATE "C" NOT NULL);

    """

  /// SQLiteStoreSchema's migration, statement for statement (the data-preserving renames).
  private static let migrationDDL = """
    ALTER TABLE %S.incidents RENAME COLUMN status TO state;
    ALTER TABLE %S.incidents RENAME COLUMN created TO created_at;
    ALTER TABLE %S.incidents RENAME COLUMN modified TO updated_at;
    ALTER TABLE %S.alerts RENAME COLUMN incident TO incident_id;
    ALTER TABLE %S.alerts RENAME COLUMN received TO received_at;
    ALTER TABLE %S.alerts RENAME COLUMN from_address TO sender;
    ALTER TABLE %S.alerts RENAME COLUMN to_addresses TO recipients;
    ALTER TABLE %S.alerts RENAME COLUMN attachments TO attachment_hashes;
    UPDATE %S.alerts SET attachment_hashes = CASE attachment_hashes WHEN '' THEN '[]'
      ELSE '["' || replace(attachment_hashes, ',', '","') || '"]' END;
    ALTER TABLE %S.alert_sources ADD COLUMN poll_interval_seconds BIGINT NOT NULL DEFAULT 300;
    UPDATE %S.alert_sources SET poll_interval_seconds = poll_minutes * 60;
    ALTER TABLE %S.alert_sources DROP COLUMN poll_minutes;
    ALTER TABLE %S.users RENAME COLUMN login TO username;
    ALTER TABLE %S.settings RENAME TO legacy_settings;
    ALTER TABLE %S.legacy_settings RENAME CONSTRAINT settings_pkey TO legacy_settings_pkey;
    CREATE TABLE %S.settings (
      section TEXT COLLATE "C" NOT NULL,
      key TEXT COLLATE "C" NOT NULL,
      value TEXT COLLATE "C",
      sealed_value BYTEA,
      encrypted BIGINT NOT NULL,
      PRIMARY KEY (section, key));
    CREATE TABLE %S.uploads (
      id BIGINT PRIMARY KEY,
      file_name TEXT COLLATE "C" NOT NULL,
      kind TEXT COLLATE "C" NOT NULL,
      size BIGINT NOT NULL,
      sha256 TEXT COLLATE "C" NOT NULL,
      uploaded_at TEXT COLLATE "C" NOT NULL);

    """
}
