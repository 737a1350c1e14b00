import Appliance
import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The SQL of backup, restore and secret replacement: snapshots, sealed-field scans and
// rewrites, the restore's adjustments and the atomic swap of database files.
extension SQLiteStore {
  /// Tables a backup made with `--no-incidents` leaves empty (children first).
  static let incidentTables = ["quarantine_results", "alerts", "incidents"]

  /// Writes a consistent copy of the live database to `url` (which must not exist) with
  /// SQLite's online backup (a page copy in one read transaction: about 1.5 times as fast as
  /// `VACUUM INTO`, which rebuilds every b-tree), left with no WAL. The copy is scratch, so it
  /// is written without a journal or syncs. Without incidents, the incident, alert and
  /// quarantine rows are deleted from the copy (never from the live one), which is then
  /// compacted. Returns the copy's row count per table.
  public func snapshot(to url: URL, includeIncidents: Bool) throws -> [String: Int] {
    do {
      try PrivateFiles.prepare(url)
      let copy = try DatabaseQueue(path: url.path)
      defer { try? copy.close() }
      try copy.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      }
      do { try queue.backup(to: copy) } catch {
        throw ApplianceError.failed(
          "cannot snapshot the database into \(url.path): \(Self.writeFailure(error, on: copy))")
      }
      return try copy.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
        if !includeIncidents {
          try db.inTransaction {
            for table in Self.incidentTables { try db.execute(sql: "DELETE FROM \(table)") }
            return .commit
          }
          try db.execute(sql: "VACUUM")
        }
        return try Self.tableCounts(db)
      }
    } catch let error as ApplianceError {
      throw error
    } catch {
      throw ApplianceError.failed("cannot snapshot the database: \(error)")
    }
  }

  /// Why a write through `connection` failed. SQLite reports the backup API's I/O errors with
  /// the message "not an error"; the system's own reason (disk full, file too large) is what
  /// an admin can act on.
  static func writeFailure(_ error: any Error, on connection: DatabaseQueue) -> String {
    let code = connection.inDatabase { db in sqlite3_system_errno(db.sqliteConnection) }
    if code != 0 { return String(cString: strerror(code)) }
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
  }

  /// Every sealed field of the database, labelled for people (`alert source 'x' credentials`).
  public func sealedFields() throws -> [SealedField] {
    try queue.read { db in try Self.sealedFields(db) }
  }

  static func sealedFields(_ db: Database) throws -> [SealedField] {
    var fields: [SealedField] = []
    for row in try Row.fetchAll(
      db,
      sql: "SELECT name, credentials FROM alert_sources WHERE credentials IS NOT NULL ORDER BY name"
    ) {
      fields.append(
        SealedField(
          kind: .alertSourceCredentials, name: row["name"], sealed: row["credentials"]))
    }
    var settingTables = ["settings"]
    if try db.tableExists("legacy_settings") { settingTables.append("legacy_settings") }
    for table in settingTables {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT section, key, sealed_value FROM \(table)
          WHERE sealed_value IS NOT NULL ORDER BY section, key
          """)
      {
        let name = "\(row["section"] as String)/\(row["key"] as String)"
        fields.append(
          SealedField(
            kind: table == "settings" ? .setting : .legacySetting, name: name,
            sealed: row["sealed_value"]))
      }
    }
    if let sealed = try Data.fetchOne(
      db, sql: "SELECT password FROM proxy_settings WHERE password IS NOT NULL")
    {
      fields.append(SealedField(kind: .proxyPassword, name: "licensing proxy", sealed: sealed))
    }
    return fields
  }

  /// Rewrites every sealed field in one transaction: `transform` returns the new ciphertext,
  /// or nil to leave the field as it is. Returns how many fields changed. With `sealedUnder`,
  /// the same transaction records that fingerprint in meta (`sealed_under`): the evidence a
  /// recovering process uses to tell whether an interrupted secret upload committed.
  @discardableResult
  public func resealFields(sealedUnder: String? = nil, _ transform: (SealedField) -> Data?) throws
    -> Int
  {
    try queue.writeWithoutTransaction { db in
      var changed = 0
      try db.inTransaction(.immediate) {
        if let sealedUnder { try Self.putMeta(db, "sealed_under", sealedUnder) }
        for field in try Self.sealedFields(db) {
          guard let sealed = transform(field) else { continue }
          changed += 1
          switch field.kind {
          case .alertSourceCredentials:
            try db.execute(
              sql: "UPDATE alert_sources SET credentials = ? WHERE name = ?",
              arguments: [sealed, field.name])
          case .setting, .legacySetting:
            let table = field.kind == .setting ? "settings" : "legacy_settings"
            let slash = field.name.lastIndex(of: "/")!
            try db.execute(
              sql: "UPDATE \(table) SET sealed_value = ? WHERE section = ? AND key = ?",
              arguments: [
                sealed, String(field.name[..<slash]),
                String(field.name[field.name.index(after: slash)...]),
              ])
          case .proxyPassword:
            try db.execute(sql: "UPDATE proxy_settings SET password = ?", arguments: [sealed])
          }
        }
        return .commit
      }
      return changed
    }
  }

  /// Remembers an uploaded file in the `uploads` table.
  public func recordUpload(fileName: String, kind: String, size: Int64, sha256: String) throws {
    try queue.write { db in
      guard try db.tableExists("uploads") else { return }
      try db.execute(
        sql: """
          INSERT INTO uploads (file_name, kind, size, sha256, uploaded_at) VALUES (?, ?, ?, ?, ?)
          """, arguments: [fileName, kind, size, sha256, ISOTime.now()])
    }
  }

  /// The most recently uploaded file of `kind`, if any.
  public func lastUpload(kind: String) throws -> String? {
    try queue.read { db in
      guard try db.tableExists("uploads") else { return nil }
      return try String.fetchOne(
        db, sql: "SELECT file_name FROM uploads WHERE kind = ? ORDER BY id DESC LIMIT 1",
        arguments: [kind])
    }
  }

  /// Fields a restore without validation left unreadable (`show status` lists them).
  public func unreadableFields() throws -> [String] {
    try queue.read { db in
      guard
        let text = try String.fetchOne(
          db, sql: "SELECT value FROM meta WHERE key = 'unreadable_fields'")
      else { return [] }
      return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
  }

  /// Adjusts a restored (and migrated) database before it is swapped in, in one transaction:
  /// this instance's identity, settings, workflow and uploads come from the live database
  /// `live`; alert sources arrive disabled, licences Available; the system admin keeps
  /// `adminPasswordHash` when given; the unreadable fields are recorded. Then the file is
  /// checkpointed and left in rollback-journal mode, so it carries no WAL into the swap.
  /// The tables `finishRestore` may change the row count of: the others keep the counts the
  /// backup brought.
  static let tablesRecountedAfterRestore: Set<String> = [
    "settings", "workflow", "workflow_history", "uploads", "meta", "users",
  ]

  static func finishRestore(
    at url: URL, live: URL, adminPasswordHash: String?, unreadable: [String],
    restoredFrom: String, restoreId: String
  ) throws {
    let queue = try DatabaseQueue(path: url.path)
    defer { try? queue.close() }
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "ATTACH DATABASE ? AS live", arguments: [live.path])
      try db.inTransaction(.immediate) {
        try db.execute(
          sql: """
            UPDATE alert_sources SET enabled = 0;
            UPDATE licenses SET state = 'Available', product_name = NULL, expires_at = NULL,
              last_validated_at = NULL, reason = NULL;
            DELETE FROM main.settings;
            INSERT INTO main.settings (section, key, value, sealed_value, encrypted)
              SELECT section, key, value, sealed_value, encrypted FROM live.settings;
            DELETE FROM main.workflow;
            INSERT INTO main.workflow SELECT * FROM live.workflow;
            DELETE FROM main.workflow_history;
            INSERT INTO main.workflow_history SELECT * FROM live.workflow_history;
            DELETE FROM main.uploads;
            INSERT INTO main.uploads SELECT * FROM live.uploads;
            DELETE FROM main.meta WHERE key IN
              ('appliance_version', 'hostname', 'instance_id', 'created_at',
               'services_restarting_until', 'unreadable_fields', 'restored_from', 'overcast_url', 'overcast_ca_bundle',
               'overcast_connect_timeout', 'overcast_read_timeout');
            INSERT INTO main.meta (key, value)
              SELECT key, value FROM live.meta
              WHERE key IN ('appliance_version', 'hostname', 'instance_id', 'created_at',
                'services_restarting_until',
                'overcast_url', 'overcast_ca_bundle', 'overcast_connect_timeout',
                'overcast_read_timeout');
            """)
        try putMeta(db, "restored_from", restoredFrom)
        // Proof, once this file is live, that this very restore's swap happened.
        try putMeta(db, "restore_id", restoreId)
        if !unreadable.isEmpty {
          let json = String(decoding: try JSONEncoder().encode(unreadable), as: UTF8.self)
          try putMeta(db, "unreadable_fields", json)
        }
        if let adminPasswordHash {
          try db.execute(
            sql: "UPDATE users SET password_hash = ? WHERE is_system = 1",
            arguments: [adminPasswordHash])
        }
        return .commit
      }
      try db.execute(sql: "DETACH DATABASE live")
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
    }
  }

  /// Checkpoints the WAL into the database file and closes this connection, so the file
  /// alone holds every committed transaction (before a restore swaps it away).
  public func close() throws {
    try queue.writeWithoutTransaction { db in
      _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    try queue.close()
  }

  /// Moves `newFile` over `live` atomically; a crash leaves one complete database or the other.
  ///
  /// The live WAL was checkpointed (truncated to nothing) by the caller, so removing the
  /// `-wal` and `-shm` files before the rename loses nothing; the new file has no WAL.
  static func swapDatabase(_ newFile: URL, over live: URL) throws {
    try FileSync.sync(newFile.path)
    for suffix in ["-wal", "-shm"] {
      unlink(live.path + suffix)
      unlink(newFile.path + suffix)
    }
    guard rename(newFile.path, live.path) == 0 else {
      throw ApplianceError.failed(
        "cannot move the restored database into place: \(String(cString: strerror(errno)))")
    }
    try FileSync.sync(live.deletingLastPathComponent().path)
  }

}
