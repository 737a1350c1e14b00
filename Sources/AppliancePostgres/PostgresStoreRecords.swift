import Appliance
import Foundation

// Record reads and writes. SQL that names a generation-specific column takes it from `columns`.
extension PostgresStore {
  // MARK: incidents

  public func insertIncident(_ i: Incident) throws {
    let c = columns
    try write { db in
      try db.query(
        """
        INSERT INTO incidents (id, \(c.incidentState), score, type, summary, assignee, team, \
        \(c.incidentCreated), \(c.incidentUpdated)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        [
          .integer(i.id), .text(i.state.rawValue), .int(i.score), .text(i.type), .text(i.summary),
          .text(i.assignee), .text(i.team), .text(i.createdAt), .text(i.updatedAt),
        ])
    }
  }

  private var selectIncidentSQL: String {
    let c = columns
    return """
      SELECT id, \(c.incidentState), score, type, summary, assignee, team, \
      \(c.incidentCreated), \(c.incidentUpdated) FROM incidents
      """
  }

  private static func incident(_ r: [ArchiveValue]) -> Incident {
    Incident(
      id: r[0].int, state: IncidentState(rawValue: r[1].string) ?? .new, score: Int(r[2].int),
      type: r[3].string, summary: r[4].string, assignee: r[5].stringOrNil,
      team: r[6].stringOrNil, createdAt: r[7].string, updatedAt: r[8].string)
  }

  public func incident(id: Int64) throws -> Incident? {
    try read { db in
      try db.query(selectIncidentSQL + " WHERE id = $1", [.integer(id)]).first.map(Self.incident)
    }
  }

  public func incidents(limit: Int, offset: Int) throws -> [Incident] {
    try read { db in
      try db.query(
        selectIncidentSQL + " ORDER BY id LIMIT $1 OFFSET $2", [.int(limit), .int(offset)]
      ).map(Self.incident)
    }
  }

  // MARK: alerts

  public func insertAlert(_ a: Alert) throws {
    let c = columns
    try write { db in
      try db.query(
        """
        INSERT INTO alerts (id, \(c.alertIncident), source, severity, \(c.alertReceived), \
        \(c.alertSender), \(c.alertRecipients), subject, message_id, \(c.alertAttachments)) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """,
        [
          .integer(a.id), .int(a.incidentId), .text(a.source), .text(a.severity),
          .text(a.receivedAt), .text(a.sender),
          .text(StoreColumns.encodeRecipients(a.recipients)), .text(a.subject),
          .text(a.messageId), .text(c.encodeAttachments(a.attachmentHashes)),
        ])
    }
  }

  private var selectAlertSQL: String {
    let c = columns
    return """
      SELECT id, \(c.alertIncident), source, severity, \(c.alertReceived), \(c.alertSender), \
      \(c.alertRecipients), subject, message_id, \(c.alertAttachments) FROM alerts
      """
  }

  private func alert(_ r: [ArchiveValue]) -> Alert {
    Alert(
      id: r[0].int, incidentId: r[1].intOrNil, source: r[2].string, severity: r[3].string,
      receivedAt: r[4].string, sender: r[5].string,
      recipients: StoreColumns.decodeRecipients(r[6].string), subject: r[7].string,
      messageId: r[8].string, attachmentHashes: columns.decodeAttachments(r[9].string))
  }

  public func alert(id: Int64) throws -> Alert? {
    try read { db in
      try db.query(selectAlertSQL + " WHERE id = $1", [.integer(id)]).first.map(alert)
    }
  }

  public func alerts(incidentId: Int64) throws -> [Alert] {
    try read { db in
      try db.query(
        selectAlertSQL + " WHERE \(columns.alertIncident) = $1 ORDER BY id", [.integer(incidentId)]
      ).map(alert)
    }
  }

  // MARK: quarantine results

  public func insertQuarantineResult(_ q: QuarantineResult) throws {
    try write { db in
      try db.query(
        """
        INSERT INTO quarantine_results (id, alert_id, incident_id, mailbox, action, status, performed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        [
          .integer(q.id), .integer(q.alertId), .int(q.incidentId), .text(q.mailbox),
          .text(q.action), .text(q.status), .text(q.performedAt),
        ])
    }
  }

  public func quarantineResults(alertId: Int64) throws -> [QuarantineResult] {
    try read { db in
      try db.query(
        """
        SELECT id, alert_id, incident_id, mailbox, action, status, performed_at
        FROM quarantine_results WHERE alert_id = $1 ORDER BY id
        """, [.integer(alertId)]
      ).map {
        QuarantineResult(
          id: $0[0].int, alertId: $0[1].int, incidentId: $0[2].intOrNil, mailbox: $0[3].string,
          action: $0[4].string, status: $0[5].string, performedAt: $0[6].string)
      }
    }
  }

  // MARK: lists

  public func insertList(_ list: ManagedList) throws {
    try write { db in
      try db.query(
        "INSERT INTO lists (id, name, kind) VALUES ($1, $2, $3)",
        [.integer(list.id), .text(list.name), .text(list.kind)])
    }
  }

  public func lists() throws -> [ManagedList] {
    try read { db in
      try db.query("SELECT id, name, kind FROM lists ORDER BY id").map {
        ManagedList(id: $0[0].int, name: $0[1].string, kind: $0[2].string)
      }
    }
  }

  public func insertListMember(_ member: ListMember) throws {
    try write { db in
      try db.query(
        "INSERT INTO list_members (id, list_id, value, added_at) VALUES ($1, $2, $3, $4)",
        [.integer(member.id), .integer(member.listId), .text(member.value), .text(member.addedAt)])
    }
  }

  public func listMembers(listId: Int64) throws -> [ListMember] {
    try read { db in
      try db.query(
        "SELECT id, list_id, value, added_at FROM list_members WHERE list_id = $1 ORDER BY id",
        [.integer(listId)]
      ).map {
        ListMember(id: $0[0].int, listId: $0[1].int, value: $0[2].string, addedAt: $0[3].string)
      }
    }
  }

  // MARK: users

  public func upsertUser(_ user: User) throws {
    let name = columns.userName
    try write { db in
      try db.query(
        """
        INSERT INTO users (id, \(name), password_hash, is_system, role, created_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET \(name) = excluded.\(name),
          password_hash = excluded.password_hash, is_system = excluded.is_system,
          role = excluded.role, created_at = excluded.created_at
        """,
        [
          .integer(user.id), .text(user.username), .text(user.passwordHash), .bool(user.isSystem),
          .text(user.role), .text(user.createdAt),
        ])
    }
  }

  private var selectUserSQL: String {
    "SELECT id, \(columns.userName), password_hash, is_system, role, created_at FROM users"
  }

  private static func user(_ r: [ArchiveValue]) -> User {
    User(
      id: r[0].int, username: r[1].string, passwordHash: r[2].string, isSystem: r[3].bool,
      role: r[4].string, createdAt: r[5].string)
  }

  public func users() throws -> [User] {
    try read { db in try db.query(selectUserSQL + " ORDER BY id").map(Self.user) }
  }

  public func systemUser() throws -> User? {
    try read { db in
      try db.query(selectUserSQL + " WHERE is_system = 1 ORDER BY id LIMIT 1").first.map(Self.user)
    }
  }

  // MARK: settings

  static func putSetting(_ db: PGConnection, _ s: Setting) throws {
    try db.query(
      """
      INSERT INTO settings (section, key, value, sealed_value, encrypted) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (section, key) DO UPDATE SET value = excluded.value,
        sealed_value = excluded.sealed_value, encrypted = excluded.encrypted
      """,
      [.text(s.section), .text(s.key), .text(s.value), .bytes(s.sealedValue), .bool(s.isEncrypted)])
  }

  public func putSetting(_ setting: Setting) throws {
    try write { db in try Self.putSetting(db, setting) }
  }

  private static func setting(_ r: [ArchiveValue]) -> Setting {
    if let sealed = r[3].data {
      return Setting(section: r[0].string, key: r[1].string, sealedValue: sealed)
    }
    return Setting(section: r[0].string, key: r[1].string, value: r[2].stringOrNil ?? "")
  }

  public func settings(under section: String?) throws -> [Setting] {
    try read { db in
      let base = "SELECT section, key, value, sealed_value FROM settings"
      if let section {
        return try db.query(
          base + " WHERE section = $1 OR starts_with(section, $2) ORDER BY section, key",
          [.text(section), .text(section + "/")]
        ).map(Self.setting)
      }
      return try db.query(base + " ORDER BY section, key").map(Self.setting)
    }
  }

  public func legacySettings() throws -> [Setting] {
    guard generation == .current else { return [] }
    return try read { db in
      try db.query(
        "SELECT section, key, value, sealed_value FROM legacy_settings ORDER BY section, key"
      ).map(Self.setting)
    }
  }

  public func writeSettings(_ settings: [Setting], deleting: [SettingPath]) throws {
    try write { db in
      for setting in settings {
        // Checked row by row, inside the transaction, so a bad row rolls back the ones before it.
        try setting.checkWritable()
        try Self.putSetting(db, setting)
      }
      for path in deleting {
        try db.query(
          "DELETE FROM settings WHERE section = $1 AND key = $2",
          [.text(path.section), .text(path.key)])
      }
    }
  }
}
