import Appliance
import Foundation

// Alert sources: the records the upgrade disables first and re-enables last.
extension PostgresStore {
  public func insertAlertSource(_ s: AlertSource) throws {
    try write(locked: true) { db in
      guard try db.query("SELECT 1 FROM alert_sources WHERE name = $1", [.text(s.name)]).isEmpty
      else { throw ApplianceError.usage("an alert source named '\(s.name)' already exists") }
      try db.query(
        """
        INSERT INTO alert_sources (id, name, type, enabled, \(columns.sourcePoll), credentials, revision)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        [
          .integer(s.id), .text(s.name), .text(s.type.rawValue), .bool(s.enabled),
          .int(s.pollIntervalSeconds / columns.pollUnitSeconds), .bytes(s.sealedCredentials),
          .int(s.revision),
        ])
    }
  }

  private var selectAlertSourceSQL: String {
    """
    SELECT id, name, type, enabled, \(columns.sourcePoll) * \(columns.pollUnitSeconds),
    credentials, revision FROM alert_sources
    """
  }

  private static func alertSource(_ r: [ArchiveValue]) -> AlertSource {
    AlertSource(
      id: r[0].int, name: r[1].string, type: AlertSourceType(rawValue: r[2].string) ?? .json,
      enabled: r[3].bool, pollIntervalSeconds: Int(r[4].int), sealedCredentials: r[5].data,
      revision: Int(r[6].int))
  }

  public func alertSources() throws -> [AlertSource] {
    try read { db in
      try db.query(selectAlertSourceSQL + " ORDER BY name").map(Self.alertSource)
    }
  }

  public func alertSource(named name: String) throws -> AlertSource? {
    try read { db in
      try db.query(selectAlertSourceSQL + " WHERE name = $1", [.text(name)]).first
        .map(Self.alertSource)
    }
  }

  public func alertSourceNames() throws -> [String] {
    try read { db in
      try db.query("SELECT name FROM alert_sources ORDER BY name").map { $0[0].string }
    }
  }

  public func setAlertSources(enabled: Bool, names: [String]?) throws -> [AlertSourceChange] {
    // The write lock is taken before reading, so the state read is the state changed: two
    // processes toggling at once serialise here.
    try write(locked: true) { db in
      let rows = try db.query("SELECT name, enabled, revision FROM alert_sources ORDER BY name")
      let known = rows.map { $0[0].string }
      let targets =
        try names.map { try $0.map { try AlertSourceName.match($0, in: known) } } ?? known
      var changes: [AlertSourceChange] = []
      var seen = Set<String>()
      for row in rows {
        let name = row[0].string
        guard targets.contains(name), seen.insert(name).inserted else { continue }
        let was = row[1].bool
        if was != enabled {
          try db.query(
            "UPDATE alert_sources SET enabled = $1, revision = $2 WHERE name = $3",
            [.bool(enabled), .integer(row[2].int + 1), .text(name)])
        }
        changes.append(AlertSourceChange(name: name, wasEnabled: was, enabled: enabled))
      }
      return changes
    }
  }

  public func setAlertSourceCredentials(name: String, sealed: Data?) throws {
    try write(locked: true) { db in
      let known = try db.query("SELECT name FROM alert_sources ORDER BY name").map { $0[0].string }
      let target = try AlertSourceName.match(name, in: known)
      try db.query(
        "UPDATE alert_sources SET credentials = $1, revision = revision + 1 WHERE name = $2",
        [.bytes(sealed), .text(target)])
    }
  }

  public func replaceAlertSourceCredentials(name: String, sealed: Data) throws
    -> CredentialsReentry
  {
    try write(locked: true) { db in
      let known = try db.query("SELECT name FROM alert_sources ORDER BY name").map { $0[0].string }
      let target = try AlertSourceName.match(name, in: known)
      try db.query(
        "UPDATE alert_sources SET credentials = $1, revision = revision + 1 WHERE name = $2",
        [.blob(sealed), .text(target)])
      let marks = try Self.unreadableMarks(db)
      let label = SealedField(kind: .alertSourceCredentials, name: target, sealed: Data()).label
      let remaining = marks.filter { $0 != label }
      if remaining.count != marks.count { try Self.putUnreadableMarks(db, remaining) }
      return CredentialsReentry(
        name: target, wasUnreadable: remaining.count != marks.count,
        remainingUnreadable: remaining)
    }
  }

  // MARK: unreadable marks

  static func unreadableMarks(_ db: PGConnection) throws -> [String] {
    guard
      let text = try db.query("SELECT value FROM meta WHERE key = 'unreadable_fields'").first?[0]
        .stringOrNil
    else { return [] }
    return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
  }

  static func putUnreadableMarks(_ db: PGConnection, _ marks: [String]) throws {
    let json =
      marks.isEmpty ? nil : String(decoding: try JSONEncoder().encode(marks), as: UTF8.self)
    try putMeta(db, "unreadable_fields", json)
  }

  public func unreadableFields() throws -> [String] {
    try read { db in try Self.unreadableMarks(db) }
  }

  public func clearUnreadableMarks(where matches: (String) -> Bool) throws -> [String] {
    try write(locked: true) { db in
      let marks = try Self.unreadableMarks(db)
      let remaining = marks.filter { !matches($0) }
      if remaining.count != marks.count { try Self.putUnreadableMarks(db, remaining) }
      return remaining
    }
  }
}
