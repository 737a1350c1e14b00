import Appliance
import Foundation
import GRDB

// Batched settings writes: the one-transaction apply of `settings copy`, `set` and `unset`.
extension SQLiteStore {
  public func writeSettings(_ settings: [Setting], deleting: [SettingPath]) throws {
    try queue.write { db in
      for setting in settings {
        // Checked row by row, inside the transaction, so a bad row rolls back the ones before it.
        try setting.checkWritable()
        try Self.putSetting(db, setting)
      }
      for path in deleting {
        try db.execute(
          sql: "DELETE FROM settings WHERE section = ? AND key = ?",
          arguments: [path.section, path.key])
      }
    }
  }
}
