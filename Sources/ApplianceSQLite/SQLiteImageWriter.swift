import Appliance
import Foundation
import GRDB
import GRDBSQLite

/// Fills a new SQLite archive image from another engine's rows: a transaction per page, no
/// journal or syncs (the image is scratch until the archive around it is complete).
final class SQLiteImageWriter: ArchiveImageWriter {
  private let queue: DatabaseQueue
  private let url: URL
  /// The image's own indexes, built once over the rows at the end (cheaper than row by row).
  private var indexes: [String] = []

  init(url: URL, generation: SchemaGeneration) throws {
    self.url = url
    try PrivateFiles.prepare(url)
    var config = Configuration()
    config.foreignKeysEnabled = false  // tables arrive one by one, children maybe first
    queue = try DatabaseQueue(path: url.path, configuration: config)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
    }
    let target =
      generation == .legacy
      ? SQLiteStoreSchema.legacyMigration : SQLiteStoreSchema.currentMigration
    try SQLiteStoreSchema.migrator().migrate(queue, upTo: target)
    // The migration fills `meta` and `settings` of an empty image: the snapshot brings its own.
    indexes = try queue.writeWithoutTransaction { db in
      for table in try SQLiteStore.tableNames(db) {
        try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
      }
      let indexes = try Row.fetchAll(
        db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      for index in indexes {
        try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
      }
      return indexes.map { $0["sql"] }
    }
  }

  func append(to table: String, columns: [String], rows: ArchiveRowBuffer) throws {
    guard !rows.isEmpty else { return }
    let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    try queue.write { db in
      let statement = try db.cachedStatement(
        sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))")
      // Bound and stepped through the C API: a million rows through GRDB's arguments spent
      // most of a backup's time converting values, not in SQLite.
      let handle = statement.sqliteStatement
      for row in 0..<rows.rowCount {
        for column in 0..<columns.count {
          Self.bind(rows.cell(row, column), at: Int32(column + 1), to: handle)
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
          throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
      }
      sqlite3_clear_bindings(handle)
    }
  }

  /// The empty text has no bytes of its own to point at: SQLite copies that one. Every other
  /// value is bound with no destructor (SQLITE_STATIC): SQLite uses the page's bytes in place,
  /// which outlive the row's step (a copy of every text cell cost a malloc and a free).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  private static func bind(_ cell: ArchiveCell, at index: Int32, to handle: OpaquePointer) {
    switch cell {
    case .null: sqlite3_bind_null(handle, index)
    case .integer(let v): sqlite3_bind_int64(handle, index, v)
    case .real(let v): sqlite3_bind_double(handle, index, v)
    case .text(let bytes):
      if let base = bytes.baseAddress, !bytes.isEmpty {
        sqlite3_bind_text(
          handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
      } else {
        // A null pointer would store NULL, not the empty text.
        sqlite3_bind_text(handle, index, "", 0, transient)
      }
    case .blob(let bytes):
      if let base = bytes.baseAddress, !bytes.isEmpty {
        sqlite3_bind_blob(handle, index, base, Int32(bytes.count), nil)
      } else {
        sqlite3_bind_zeroblob(handle, index, 0)
      }
    }
  }

  func finish() throws -> [String: Int] {
    do {
      return try queue.writeWithoutTransaction { db in
        for index in indexes { try db.execute(sql: index) }
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
        let counts = try SQLiteStore.tableCounts(db)
        return counts
      }
    } catch {
      throw ApplianceError.failed(
        "cannot write the snapshot into \(url.path): \(SQLiteStore.writeFailure(error, on: queue))")
    }
  }

  deinit { try? queue.close() }
}
