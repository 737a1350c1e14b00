import Appliance
import Foundation
import GRDB

/// Reads an SQLite archive image page by page, in rowid order, for another engine to load.
final class SQLiteImageReader: ArchiveImageReader {
  private let queue: DatabaseQueue

  init(url: URL) throws {
    var config = Configuration()
    config.readonly = true
    do {
      queue = try DatabaseQueue(path: url.path, configuration: config)
    } catch {
      throw ApplianceError.failed("cannot read the database image \(url.path): \(error)")
    }
  }

  func tables() throws -> [String] {
    try queue.read { db in try SQLiteStore.tableNames(db) }
  }

  func columns(of table: String) throws -> [String] {
    try queue.read { db in try db.columns(in: table).map(\.name) }
  }

  func rows(
    of table: String, columns: [String], after: Int64, limit: Int,
    _ each: ([ArchiveValue]) throws -> Void
  ) throws -> Int64? {
    let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    return try queue.read { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT _rowid_, \(names) FROM \(table.quotedDatabaseIdentifier)
          WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT ?
          """)
      let cursor = try Row.fetchCursor(statement, arguments: [after, limit])
      var last: Int64?
      var values: [ArchiveValue] = []
      values.reserveCapacity(columns.count)
      while let row = try cursor.next() {
        last = row[0]
        values.removeAll(keepingCapacity: true)
        for index in 1...columns.count {
          switch (row[index] as DatabaseValue).storage {
          case .null: values.append(.null)
          case .int64(let v): values.append(.integer(v))
          case .double(let v): values.append(.real(v))
          case .string(let v): values.append(.text(v))
          case .blob(let v): values.append(.blob(v))
          }
        }
        try each(values)
      }
      return last
    }
  }

  func close() { try? queue.close() }
}
