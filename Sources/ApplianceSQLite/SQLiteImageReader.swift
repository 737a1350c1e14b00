import Appliance
import Foundation
import GRDB
import GRDBSQLite

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
    of table: String, columns: [String], after: Int64, limit: Int, into rows: ArchiveRowBuffer
  ) throws -> Int64? {
    rows.reset()
    let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    return try queue.read { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT _rowid_, \(names) FROM \(table.quotedDatabaseIdentifier)
          WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT ?
          """)
      // Stepped through the C API, cells copied straight into the page (no value per cell).
      let handle = statement.sqliteStatement
      sqlite3_reset(handle)
      sqlite3_bind_int64(handle, 1, after)
      sqlite3_bind_int64(handle, 2, Int64(limit))
      defer { sqlite3_reset(handle) }
      var last: Int64?
      while true {
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { break }
        guard code == SQLITE_ROW else {
          throw ApplianceError.failed(
            "cannot read \(table) from the database image: "
              + String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        last = sqlite3_column_int64(handle, 0)
        for index in Int32(1)...Int32(columns.count) {
          switch sqlite3_column_type(handle, index) {
          case SQLITE_NULL: rows.appendNull()
          case SQLITE_INTEGER: rows.appendInteger(sqlite3_column_int64(handle, index))
          case SQLITE_FLOAT: rows.appendReal(sqlite3_column_double(handle, index))
          case SQLITE_TEXT:
            let text = sqlite3_column_text(handle, index)
            rows.appendText(
              UnsafeRawBufferPointer(
                start: text, count: Int(sqlite3_column_bytes(handle, index))))
          default:
            let blob = sqlite3_column_blob(handle, index)
            rows.appendBlob(
              UnsafeRawBufferPointer(
                start: blob, count: Int(sqlite3_column_bytes(handle, index))))
          }
        }
        rows.endRow()
      }
      return last
    }
  }

  func close() { try? queue.close() }
}
