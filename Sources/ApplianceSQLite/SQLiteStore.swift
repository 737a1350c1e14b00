import Appliance
import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// The embedded store: one SQLite database in WAL mode through GRDB.
///
/// All SQL of the appliance lives in `SQLiteStore*.swift`. Column names that differ
/// between generations come from `StoreColumns`, so every operation works on a
/// legacy 4.x instance (where the upgrade starts) and on a 5.x one.
public final class SQLiteStore: ApplianceStore {
  public let generation: SchemaGeneration
  let queue: DatabaseQueue
  let columns: StoreColumns

  /// Opens an existing instance database; never migrates it (a legacy rehearsal instance stays legacy).
  public convenience init(url: URL) throws {
    try self.init(url: url, forReadingOnly: false)
  }

  /// `forReadingOnly` leaves the journal mode alone, so opening writes nothing: a restore
  /// inspects its freshly extracted file while the kernel is still writing it back, and a
  /// journal-mode switch would wait for all of that writeback at once.
  init(url: URL, forReadingOnly: Bool) throws {
    var config = Configuration()
    // Instances are created in WAL mode and WAL is persistent, so opening only checks it:
    // GRDB's `.wal` setting writes a throwaway table on every open (two fsyncs), which
    // dominated a one-shot `show version`.
    config.journalMode = .default
    if !forReadingOnly {
      config.prepareDatabase { db in
        if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
          try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
    }
    // Another trsh may hold the write lock for a moment: wait rather than fail.
    config.busyMode = .timeout(10)
    do {
      let queue = try DatabaseQueue(path: url.path, configuration: config)
      self.queue = queue
      let version = try queue.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
      }
      guard let version, let number = Int(version) else {
        throw ApplianceError.failed("\(url.path) is not an appliance database (no schema version)")
      }
      generation = try SchemaGeneration(schemaVersion: number)
    } catch let error as ApplianceError {
      throw error
    } catch {
      throw ApplianceError.failed("cannot open the appliance database \(url.path): \(error)")
    }
    columns = .forGeneration(generation)
  }

  /// Creates a database for a brand-new instance and fills it in one transaction.
  ///
  /// Journaling and syncing are off while filling: the file is new, and a failure removes it.
  /// The database is switched to WAL before it is handed out.
  static func create(
    at url: URL, generation: SchemaGeneration, fill: (Database, StoreColumns) throws -> Void
  ) throws {
    var config = Configuration()
    config.foreignKeysEnabled = false  // bulk loading inserts parents before children anyway
    let queue = try DatabaseQueue(path: url.path, configuration: config)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
    }
    let migrator = SQLiteStoreSchema.migrator()
    let target =
      generation == .legacy
      ? SQLiteStoreSchema.legacyMigration : SQLiteStoreSchema.currentMigration
    try migrator.migrate(queue, upTo: target)
    try queue.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        try fill(db, .forGeneration(generation))
        return .commit
      }
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      try db.execute(sql: "PRAGMA journal_mode = WAL")
    }
    try queue.close()
  }

  /// `migrateToCurrent` for a restore's scratch database: without a journal or syncs (the
  /// migration rewrites the alerts table, and through a WAL it would be written twice). Safe
  /// because a scratch file that fails or crashes half-way is thrown away, and the restore
  /// syncs the file before swapping it in.
  static func migrateScratchToCurrent(at url: URL) throws -> SchemaGeneration {
    let queue = try DatabaseQueue(path: url.path)
    defer { try? queue.close() }
    let found = try queue.read { db in
      let version = try String.fetchOne(
        db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
      guard let version, let number = Int(version) else {
        throw ApplianceError.failed("\(url.path) is not an appliance database (no schema version)")
      }
      return try SchemaGeneration(schemaVersion: number)
    }
    // A current database is left untouched: changing its journal mode would rewrite the header
    // and sync the whole freshly extracted file here rather than at the swap.
    if found == .current { return .current }
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
    }
    try SQLiteStoreSchema.migrator().migrate(queue)
    return .legacy
  }

  /// Migrates a legacy 4.x database file (e.g. a restored backup) to the current schema in place.
  ///
  /// Returns the generation it found; a database already current is left as it is.
  @discardableResult
  public static func migrateToCurrent(at url: URL) throws -> SchemaGeneration {
    let store = try SQLiteStore(url: url)
    if store.generation == .current { return .current }
    try SQLiteStoreSchema.migrator().migrate(store.queue)
    return .legacy
  }

  // MARK: meta

  public func meta() throws -> InstanceMeta {
    try queue.read { db in try Self.readMeta(db) }
  }

  static func readMeta(_ db: Database) throws -> InstanceMeta {
    var values: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
      values[row["key"]] = row["value"]
    }
    return InstanceMeta(values: values)
  }

  static func writeMeta(_ db: Database, _ meta: InstanceMeta) throws {
    var pairs: [(String, String)] = [
      ("appliance_version", meta.applianceVersion),
      ("schema_version", String(meta.schemaVersion)),
      ("hostname", meta.hostname),
      ("instance_id", meta.instanceId),
      ("created_at", meta.createdAt),
    ]
    if let from = meta.migratedFrom { pairs.append(("migrated_from", from)) }
    for (key, value) in pairs {
      try putMeta(db, key, value)
    }
  }

  static func putMeta(_ db: Database, _ key: String, _ value: String?) throws {
    if let value {
      try db.execute(
        sql: """
          INSERT INTO meta (key, value) VALUES (?, ?)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value
          """, arguments: [key, value])
    } else {
      try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
    }
  }

  public func setHostname(_ hostname: String) throws {
    try queue.write { db in try Self.putMeta(db, "hostname", hostname) }
  }

  // MARK: counts and digests

  public func changeToken() throws -> StoreChangeToken {
    // `data_version` moves when another connection commits; `total_changes` counts this
    // connection's own row changes. No transaction, and the cached statement is stepped
    // directly: this runs before every `show` of a runbook.
    try queue.inDatabase { db in
      let statement = try db.cachedStatement(sql: "PRAGMA data_version")
      let handle = statement.sqliteStatement
      defer { sqlite3_reset(handle) }
      guard sqlite3_step(handle) == SQLITE_ROW else {
        throw ApplianceError.failed(
          "cannot read the database's data version: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))"
        )
      }
      return StoreChangeToken(
        dataVersion: sqlite3_column_int64(handle, 0), ownChanges: Int64(db.totalChangesCount))
    }
  }

  public func counts() throws -> RecordCounts {
    try queue.read { db in
      let incidents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incidents") ?? 0
      let alerts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts") ?? 0
      let sources = try Row.fetchOne(
        db,
        sql: "SELECT COUNT(*) AS total, COALESCE(SUM(enabled), 0) AS enabled FROM alert_sources")
      var licenses = Dictionary(
        uniqueKeysWithValues: LicenseState.allCases.map { ($0.rawValue, 0) })
      for row in try Row.fetchAll(
        db, sql: "SELECT state, COUNT(*) AS n FROM licenses GROUP BY state")
      {
        licenses[row["state"] as String] = row["n"]
      }
      return RecordCounts(
        incidents: incidents, alerts: alerts, alertSourcesTotal: sources?["total"] ?? 0,
        alertSourcesEnabled: sources?["enabled"] ?? 0, licenses: licenses)
    }
  }

  static func tableNames(_ db: Database) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
        ORDER BY name
        """)
  }

  public func tableCounts() throws -> [String: Int] {
    try queue.read { db in try Self.tableCounts(db, of: nil) }
  }

  /// Row counts of those of `tables` that exist.
  public func tableCounts(of tables: Set<String>) throws -> [String: Int] {
    try queue.read { db in try Self.tableCounts(db, of: tables) }
  }

  /// Row counts of every table, taking those in `known` as given and counting only the rest:
  /// for a database whose bytes are proven to be the ones `known` was counted on.
  func tableCounts(knowing known: [String: Int]) throws -> [String: Int] {
    try queue.read { db in
      var counts: [String: Int] = [:]
      var unknown: Set<String> = []
      for table in try Self.tableNames(db) {
        if let count = known[table] { counts[table] = count } else { unknown.insert(table) }
      }
      guard !unknown.isEmpty else { return counts }
      return counts.merging(try Self.tableCounts(db, of: unknown)) { _, counted in counted }
    }
  }

  static func tableCounts(_ db: Database, of tables: Set<String>? = nil) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in try tableNames(db) where tables?.contains(table) ?? true {
      counts[table] =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
    }
    return counts
  }

  public func tableDigests() throws -> [String: TableDigest] {
    try queue.read { db in
      var digests: [String: TableDigest] = [:]
      for table in try Self.tableNames(db) {
        digests[table] = try Self.digest(db, table: table)
      }
      return digests
    }
  }

  /// Hashes each value as a type tag, an 8-byte length and its bytes, rows in primary-key order.
  static func digest(_ db: Database, table: String) throws -> TableDigest {
    let key = try db.primaryKey(table).columns.map(\.quotedDatabaseIdentifier)
    let sql =
      "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(key.joined(separator: ", "))"
    var hasher = SHA256()
    var rows = 0
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1024)
    func append(_ tag: UInt8, _ bytes: some Collection<UInt8>) {
      buffer.append(tag)
      withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { buffer.append(contentsOf: $0) }
      buffer.append(contentsOf: bytes)
    }
    let cursor = try Row.fetchCursor(db, sql: sql)
    while let row = try cursor.next() {
      buffer.removeAll(keepingCapacity: true)
      buffer.append(0x1E)  // record separator
      for value in row.databaseValues {
        switch value.storage {
        case .null: append(0, [])
        case .int64(let v): withUnsafeBytes(of: v.littleEndian) { append(1, $0) }
        case .double(let v): withUnsafeBytes(of: v.bitPattern.littleEndian) { append(2, $0) }
        case .string(let s): append(3, s.utf8)
        case .blob(let d): append(4, d)
        }
      }
      hasher.update(data: buffer)
      rows += 1
    }
    let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    return TableDigest(rows: rows, sha256: hex)
  }
}
