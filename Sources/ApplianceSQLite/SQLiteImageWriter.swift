import Appliance
import Foundation
import GRDB

/// Fills a new SQLite archive image from another engine's rows: a transaction per page, no
/// journal or syncs (the image is scratch until the archive around it is complete).
final class SQLiteImageWriter: ArchiveImageWriter {
  private let queue: DatabaseQueue
  private let url: URL

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
    try queue.writeWithoutTransaction { db in
      for table in try SQLiteStore.tableNames(db) {
        try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
      }
    }
  }

  func append(to table: String, columns: [String], rows: [[ArchiveValue]]) throws {
    guard !rows.isEmpty else { return }
    let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    try queue.write { db in
      let statement = try db.cachedStatement(
        sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))")
      for row in rows {
        try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
      }
    }
  }

  func finish() throws -> [String: Int] {
    do {
      return try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
        let counts = try SQLiteStore.tableCounts(db)
        return counts
      }
    } catch {
      throw ApplianceError.failed(
        "cannot write the snapshot into \(url.path): \(SQLiteStore.writeFailure(error, on: queue))")
    }
  }

  static func databaseValue(_ value: ArchiveValue) -> DatabaseValue {
    switch value {
    case .null: return .null
    case .integer(let v): return v.databaseValue
    case .real(let v): return v.databaseValue
    case .text(let v): return v.databaseValue
    case .blob(let v): return v.databaseValue
    }
  }

  deinit { try? queue.close() }
}
