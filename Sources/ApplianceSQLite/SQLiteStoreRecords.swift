import Appliance
import Foundation
import GRDB

// Record reads and writes. SQL that names a generation-specific column takes it from `columns`.
extension SQLiteStore {
  // MARK: incidents

  var insertIncidentSQL: String {
    let c = columns
    return """
      INSERT INTO incidents (id, \(c.incidentState), score, type, summary, assignee, team, \
      \(c.incidentCreated), \(c.incidentUpdated)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
  }

  static func incidentArguments(_ i: Incident) -> StatementArguments {
    [
      i.id, i.state.rawValue, i.score, i.type, i.summary, i.assignee, i.team, i.createdAt,
      i.updatedAt,
    ]
  }

  public func insertIncident(_ incident: Incident) throws {
    try queue.write { db in
      try db.execute(sql: insertIncidentSQL, arguments: Self.incidentArguments(incident))
    }
  }

  private var selectIncidentSQL: String {
    let c = columns
    return """
      SELECT id, \(c.incidentState) AS state, score, type, summary, assignee, team, \
      \(c.incidentCreated) AS created_at, \(c.incidentUpdated) AS updated_at FROM incidents
      """
  }

  private static func incident(_ row: Row) -> Incident {
    Incident(
      id: row["id"], state: IncidentState(rawValue: row["state"]) ?? .new, score: row["score"],
      type: row["type"], summary: row["summary"], assignee: row["assignee"], team: row["team"],
      createdAt: row["created_at"], updatedAt: row["updated_at"])
  }

  public func incident(id: Int64) throws -> Incident? {
    try queue.read { db in
      try Row.fetchOne(db, sql: selectIncidentSQL + " WHERE id = ?", arguments: [id])
        .map(Self.incident)
    }
  }

  public func incidents(limit: Int, offset: Int) throws -> [Incident] {
    try queue.read { db in
      try Row.fetchAll(
        db, sql: selectIncidentSQL + " ORDER BY id LIMIT ? OFFSET ?", arguments: [limit, offset]
      ).map(Self.incident)
    }
  }

  // MARK: alerts

  var insertAlertSQL: String {
    let c = columns
    return """
      INSERT INTO alerts (id, \(c.alertIncident), source, severity, \(c.alertReceived), \
      \(c.alertSender), \(c.alertRecipients), subject, message_id, \(c.alertAttachments)) \
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
  }

  func alertArguments(_ a: Alert) -> StatementArguments {
    [
      a.id, a.incidentId, a.source, a.severity, a.receivedAt, a.sender,
      StoreColumns.encodeRecipients(a.recipients), a.subject, a.messageId,
      columns.encodeAttachments(a.attachmentHashes),
    ]
  }

  public func insertAlert(_ alert: Alert) throws {
    try queue.write { db in
      try db.execute(sql: insertAlertSQL, arguments: alertArguments(alert))
    }
  }

  private var selectAlertSQL: String {
    let c = columns
    return """
      SELECT id, \(c.alertIncident) AS incident_id, source, severity, \
      \(c.alertReceived) AS received_at, \(c.alertSender) AS sender, \
      \(c.alertRecipients) AS recipients, subject, message_id, \
      \(c.alertAttachments) AS attachments FROM alerts
      """
  }

  private func alert(_ row: Row) -> Alert {
    Alert(
      id: row["id"], incidentId: row["incident_id"], source: row["source"],
      severity: row["severity"], receivedAt: row["received_at"], sender: row["sender"],
      recipients: StoreColumns.decodeRecipients(row["recipients"]), subject: row["subject"],
      messageId: row["message_id"], attachmentHashes: columns.decodeAttachments(row["attachments"]))
  }

  public func alert(id: Int64) throws -> Alert? {
    try queue.read { db in
      try Row.fetchOne(db, sql: selectAlertSQL + " WHERE id = ?", arguments: [id]).map(alert)
    }
  }

  public func alerts(incidentId: Int64) throws -> [Alert] {
    try queue.read { db in
      try Row.fetchAll(
        db, sql: selectAlertSQL + " WHERE \(columns.alertIncident) = ? ORDER BY id",
        arguments: [incidentId]
      ).map(alert)
    }
  }

  // MARK: quarantine results

  static let insertQuarantineSQL = """
    INSERT INTO quarantine_results (id, alert_id, incident_id, mailbox, action, status, performed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    """

  static func quarantineArguments(_ q: QuarantineResult) -> StatementArguments {
    [q.id, q.alertId, q.incidentId, q.mailbox, q.action, q.status, q.performedAt]
  }

  public func insertQuarantineResult(_ result: QuarantineResult) throws {
    try queue.write { db in
      try db.execute(sql: Self.insertQuarantineSQL, arguments: Self.quarantineArguments(result))
    }
  }

  public func quarantineResults(alertId: Int64) throws -> [QuarantineResult] {
    try queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM quarantine_results WHERE alert_id = ? ORDER BY id",
        arguments: [alertId]
      ).map {
        QuarantineResult(
          id: $0["id"], alertId: $0["alert_id"], incidentId: $0["incident_id"],
          mailbox: $0["mailbox"], action: $0["action"], status: $0["status"],
          performedAt: $0["performed_at"])
      }
    }
  }

  // MARK: lists

  public func insertList(_ list: ManagedList) throws {
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO lists (id, name, kind) VALUES (?, ?, ?)",
        arguments: [list.id, list.name, list.kind])
    }
  }

  public func lists() throws -> [ManagedList] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT id, name, kind FROM lists ORDER BY id").map {
        ManagedList(id: $0["id"], name: $0["name"], kind: $0["kind"])
      }
    }
  }

  static let insertListMemberSQL =
    "INSERT INTO list_members (id, list_id, value, added_at) VALUES (?, ?, ?, ?)"

  public func insertListMember(_ member: ListMember) throws {
    try queue.write { db in
      try db.execute(
        sql: Self.insertListMemberSQL,
        arguments: [member.id, member.listId, member.value, member.addedAt])
    }
  }

  public func listMembers(listId: Int64) throws -> [ListMember] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT id, list_id, value, added_at FROM list_members WHERE list_id = ? ORDER BY id",
        arguments: [listId]
      ).map {
        ListMember(id: $0["id"], listId: $0["list_id"], value: $0["value"], addedAt: $0["added_at"])
      }
    }
  }

  // MARK: users

  static func upsertUser(_ db: Database, _ user: User, columns: StoreColumns) throws {
    let name = columns.userName
    try db.execute(
      sql: """
        INSERT INTO users (id, \(name), password_hash, is_system, role, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET \(name) = excluded.\(name),
          password_hash = excluded.password_hash, is_system = excluded.is_system,
          role = excluded.role, created_at = excluded.created_at
        """,
      arguments: [
        user.id, user.username, user.passwordHash, user.isSystem, user.role, user.createdAt,
      ])
  }

  public func upsertUser(_ user: User) throws {
    try queue.write { db in try Self.upsertUser(db, user, columns: columns) }
  }

  private var selectUserSQL: String {
    "SELECT id, \(columns.userName) AS username, password_hash, is_system, role, created_at FROM users"
  }

  private static func user(_ row: Row) -> User {
    User(
      id: row["id"], username: row["username"], passwordHash: row["password_hash"],
      isSystem: row["is_system"], role: row["role"], createdAt: row["created_at"])
  }

  public func users() throws -> [User] {
    try queue.read { db in
      try Row.fetchAll(db, sql: selectUserSQL + " ORDER BY id").map(Self.user)
    }
  }

  public func systemUser() throws -> User? {
    try queue.read { db in
      try Row.fetchOne(db, sql: selectUserSQL + " WHERE is_system = 1 ORDER BY id LIMIT 1")
        .map(Self.user)
    }
  }

  // MARK: settings

  static func putSetting(_ db: Database, _ s: Setting, table: String = "settings") throws {
    try db.execute(
      sql: """
        INSERT INTO \(table) (section, key, value, sealed_value, encrypted) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (section, key) DO UPDATE SET value = excluded.value,
          sealed_value = excluded.sealed_value, encrypted = excluded.encrypted
        """, arguments: [s.section, s.key, s.value, s.sealedValue, s.isEncrypted])
  }

  public func putSetting(_ setting: Setting) throws {
    try queue.write { db in try Self.putSetting(db, setting) }
  }

  private static func setting(_ row: Row) -> Setting {
    if let sealed: Data = row["sealed_value"] {
      return Setting(section: row["section"], key: row["key"], sealedValue: sealed)
    }
    return Setting(section: row["section"], key: row["key"], value: row["value"] ?? "")
  }

  public func settings(under section: String?) throws -> [Setting] {
    try queue.read { db in
      let base = "SELECT section, key, value, sealed_value FROM settings"
      let rows: [Row]
      if let section {
        rows = try Row.fetchAll(
          db,
          sql: base + " WHERE section = ? OR substr(section, 1, ?) = ? ORDER BY section, key",
          arguments: [section, section.count + 1, section + "/"])
      } else {
        rows = try Row.fetchAll(db, sql: base + " ORDER BY section, key")
      }
      return rows.map(Self.setting)
    }
  }

  public func legacySettings() throws -> [Setting] {
    guard generation == .current else { return [] }
    return try queue.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT section, key, value, sealed_value FROM legacy_settings ORDER BY section, key"
      ).map(Self.setting)
    }
  }

  // MARK: licences

  static func upsertLicense(_ db: Database, _ l: License) throws {
    try db.execute(
      sql: """
        INSERT INTO licenses (license_key, state, product_name, expires_at, last_validated_at, reason)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (license_key) DO UPDATE SET state = excluded.state,
          product_name = excluded.product_name, expires_at = excluded.expires_at,
          last_validated_at = excluded.last_validated_at, reason = excluded.reason
        """,
      arguments: [
        l.key.value, l.state.rawValue, l.productName, l.expiresAt, l.lastValidatedAt, l.reason,
      ])
  }

  public func upsertLicense(_ license: License) throws {
    try queue.write { db in try Self.upsertLicense(db, license) }
  }

  public func licenses() throws -> [License] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM licenses ORDER BY license_key").map { row in
        License(
          key: try LicenseKey(row["license_key"] as String),
          state: LicenseState(rawValue: row["state"]) ?? .invalid,
          productName: row["product_name"], expiresAt: row["expires_at"],
          lastValidatedAt: row["last_validated_at"], reason: row["reason"])
      }
    }
  }

  // MARK: proxy

  static func setProxy(_ db: Database, _ proxy: ProxySettings?) throws {
    try db.execute(sql: "DELETE FROM proxy_settings")
    if let p = proxy {
      try db.execute(
        sql:
          "INSERT INTO proxy_settings (id, host, port, username, password) VALUES (1, ?, ?, ?, ?)",
        arguments: [p.host, p.port, p.username, p.sealedPassword])
    }
  }

  public func setProxy(_ proxy: ProxySettings?) throws {
    try queue.write { db in try Self.setProxy(db, proxy) }
  }

  public func proxy() throws -> ProxySettings? {
    try queue.read { db in
      try Row.fetchOne(db, sql: "SELECT host, port, username, password FROM proxy_settings").map {
        ProxySettings(
          host: $0["host"], port: $0["port"], username: $0["username"],
          sealedPassword: $0["password"])
      }
    }
  }

  // MARK: workflow and services

  static let initialWorkflowState = "idle"

  public func workflowState() throws -> String {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM workflow WHERE key = 'state'")
        ?? Self.initialWorkflowState
    }
  }

  @discardableResult
  public func recordWorkflowTransition(to state: String, command: String, user: String, at: String)
    throws -> WorkflowTransition
  {
    try queue.writeWithoutTransaction { db in
      var transition: WorkflowTransition?
      try db.inTransaction(.immediate) {
        let from =
          try String.fetchOne(db, sql: "SELECT value FROM workflow WHERE key = 'state'")
          ?? Self.initialWorkflowState
        try db.execute(
          sql: """
            INSERT INTO workflow (key, value) VALUES ('state', ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [state])
        try db.execute(
          sql: """
            INSERT INTO workflow_history (at, command, user_name, from_state, to_state)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [at, command, user, from, state])
        transition = WorkflowTransition(at: at, command: command, user: user, from: from, to: state)
        return .commit
      }
      return transition!
    }
  }

  public func workflowDocument() throws -> String? {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM workflow WHERE key = 'machine'")
    }
  }

  public func savedWorkflowState() throws -> String? {
    try queue.inDatabase { db in
      try String.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT value FROM workflow WHERE key = 'state'
              AND EXISTS (SELECT 1 FROM workflow WHERE key = 'machine')
            """))
    }
  }

  public func saveWorkflow(document: String, state: String, transition: WorkflowTransition?) throws
  {
    try queue.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        for (key, value) in [("machine", document), ("state", state)] {
          try db.execute(
            sql: """
              INSERT INTO workflow (key, value) VALUES (?, ?)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value
              """, arguments: [key, value])
        }
        if let t = transition {
          try db.execute(
            sql: """
              INSERT INTO workflow_history (at, command, user_name, from_state, to_state)
              VALUES (?, ?, ?, ?, ?)
              """, arguments: [t.at, t.command, t.user, t.from, t.to])
        }
        return .commit
      }
    }
  }

  public func workflowHistory() throws -> [WorkflowTransition] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM workflow_history ORDER BY id").map {
        WorkflowTransition(
          at: $0["at"], command: $0["command"], user: $0["user_name"], from: $0["from_state"],
          to: $0["to_state"])
      }
    }
  }

  public func servicesRestartingUntil() throws -> String? {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'services_restarting_until'")
    }
  }

  public func setServicesRestartingUntil(_ time: String?) throws {
    try queue.write { db in try Self.putMeta(db, "services_restarting_until", time) }
  }
}
