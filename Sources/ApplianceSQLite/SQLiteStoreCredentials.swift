import Appliance
import Foundation
import GRDB

// Re-entered credentials: the new sealed value and the restore's unreadable marks change together.
extension SQLiteStore {
  /// Replaces one alert source's sealed credentials and clears its unreadable mark, in one
  /// transaction, so a crash never leaves new credentials still listed as unreadable (or the
  /// reverse). An unknown name is a usage error listing the known ones.
  public func replaceAlertSourceCredentials(name: String, sealed: Data) throws
    -> CredentialsReentry
  {
    try queue.writeWithoutTransaction { db in
      var result = CredentialsReentry(name: name, wasUnreadable: false, remainingUnreadable: [])
      try db.inTransaction(.immediate) {
        let known = try String.fetchAll(db, sql: "SELECT name FROM alert_sources ORDER BY name")
        let target = try AlertSourceName.match(name, in: known)
        try db.execute(
          sql: "UPDATE alert_sources SET credentials = ?, revision = revision + 1 WHERE name = ?",
          arguments: [sealed, target])
        var marks: [String] = []
        if let text = try String.fetchOne(
          db, sql: "SELECT value FROM meta WHERE key = 'unreadable_fields'")
        {
          marks = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        }
        let label = SealedField(kind: .alertSourceCredentials, name: target, sealed: Data()).label
        let remaining = marks.filter { $0 != label }
        if remaining.count != marks.count {
          let json =
            remaining.isEmpty
            ? nil : String(decoding: try JSONEncoder().encode(remaining), as: UTF8.self)
          try Self.putMeta(db, "unreadable_fields", json)
        }
        result = CredentialsReentry(
          name: target, wasUnreadable: remaining.count != marks.count,
          remainingUnreadable: remaining)
        return .commit
      }
      return result
    }
  }

  /// Removes the restore's unreadable marks that `matches` selects; returns the marks left.
  public func clearUnreadableMarks(where matches: (String) -> Bool) throws -> [String] {
    try queue.writeWithoutTransaction { db in
      var remaining: [String] = []
      try db.inTransaction(.immediate) {
        guard
          let text = try String.fetchOne(
            db, sql: "SELECT value FROM meta WHERE key = 'unreadable_fields'")
        else { return .commit }
        let marks = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        remaining = marks.filter { !matches($0) }
        if remaining.count != marks.count {
          let json =
            remaining.isEmpty
            ? nil : String(decoding: try JSONEncoder().encode(remaining), as: UTF8.self)
          try Self.putMeta(db, "unreadable_fields", json)
        }
        return .commit
      }
      return remaining
    }
  }
}
