import Appliance
import Foundation
import GRDB

// Alert sources: the records the upgrade disables first and re-enables last.
extension SQLiteStore {
  var insertAlertSourceSQL: String {
    """
    INSERT INTO alert_sources (id, name, type, enabled, \(columns.sourcePoll), credentials, revision)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    """
  }

  func alertSourceArguments(_ s: AlertSource) -> StatementArguments {
    [
      s.id, s.name, s.type.rawValue, s.enabled, s.pollIntervalSeconds / columns.pollUnitSeconds,
      s.sealedCredentials, s.revision,
    ]
  }

  public func insertAlertSource(_ source: AlertSource) throws {
    do {
      try queue.write { db in
        try db.execute(sql: insertAlertSourceSQL, arguments: alertSourceArguments(source))
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      throw ApplianceError.usage("an alert source named '\(source.name)' already exists")
    }
  }

  private var selectAlertSourceSQL: String {
    """
    SELECT id, name, type, enabled, \(columns.sourcePoll) * \(columns.pollUnitSeconds) AS poll,
    credentials, revision FROM alert_sources
    """
  }

  private static func alertSource(_ row: Row) -> AlertSource {
    AlertSource(
      id: row["id"], name: row["name"], type: AlertSourceType(rawValue: row["type"]) ?? .json,
      enabled: row["enabled"], pollIntervalSeconds: row["poll"],
      sealedCredentials: row["credentials"], revision: row["revision"])
  }

  public func alertSources() throws -> [AlertSource] {
    try queue.read { db in
      try Row.fetchAll(db, sql: selectAlertSourceSQL + " ORDER BY name").map(Self.alertSource)
    }
  }

  public func alertSource(named name: String) throws -> AlertSource? {
    try queue.read { db in
      try Row.fetchOne(db, sql: selectAlertSourceSQL + " WHERE name = ?", arguments: [name])
        .map(Self.alertSource)
    }
  }

  public func alertSourceNames() throws -> [String] {
    try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM alert_sources ORDER BY name")
    }
  }

  public func setAlertSources(enabled: Bool, names: [String]?) throws -> [AlertSourceChange] {
    try queue.writeWithoutTransaction { db in
      var changes: [AlertSourceChange] = []
      // IMMEDIATE takes the write lock before reading, so the state we read is the state we change:
      // two processes toggling at once serialise here (waiting up to the busy timeout).
      try db.inTransaction(.immediate) {
        let rows = try Row.fetchAll(
          db, sql: "SELECT name, enabled, revision FROM alert_sources ORDER BY name")
        let known = rows.map { $0["name"] as String }
        let targets: [String]
        if let names {
          targets = try names.map { try AlertSourceName.match($0, in: known) }
        } else {
          targets = known
        }
        var seen = Set<String>()
        for row in rows {
          let name: String = row["name"]
          guard targets.contains(name), seen.insert(name).inserted else { continue }
          let was: Bool = row["enabled"]
          if was != enabled {
            // The new revision is computed here from the value read under the lock, not in SQL,
            // so a lost update would show as a revision that lags the number of changes.
            let revision: Int = row["revision"]
            try db.execute(
              sql: "UPDATE alert_sources SET enabled = ?, revision = ? WHERE name = ?",
              arguments: [enabled, revision + 1, name])
          }
          changes.append(AlertSourceChange(name: name, wasEnabled: was, enabled: enabled))
        }
        return .commit
      }
      return changes
    }
  }

  public func setAlertSourceCredentials(name: String, sealed: Data?) throws {
    try queue.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        let known = try String.fetchAll(db, sql: "SELECT name FROM alert_sources ORDER BY name")
        let target = try AlertSourceName.match(name, in: known)
        try db.execute(
          sql: "UPDATE alert_sources SET credentials = ?, revision = revision + 1 WHERE name = ?",
          arguments: [sealed, target])
        return .commit
      }
    }
  }
}
