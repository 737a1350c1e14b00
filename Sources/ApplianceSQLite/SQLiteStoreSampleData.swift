import Appliance
import Foundation
import GRDB

// Filling a brand-new database: identity, admin, settings and (optionally) bulk sample data.
// Bulk rows go through prepared statements reused for every row, inside the one creation transaction.
extension SQLiteStore {
  static func fillNewInstance(
    _ db: Database, columns: StoreColumns, content: NewInstanceContent,
    progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws {
    try writeMeta(db, content.meta)
    try upsertUser(db, content.admin, columns: columns)
    for user in content.extraUsers { try upsertUser(db, user, columns: columns) }
    // Sealing nonces come from the seed too, so equal seeds give byte-identical databases.
    var sealRNG = SeededGenerator(seed: content.seed ^ 0x5EA1_5EA1_5EA1_5EA1)
    for draft in content.settings {
      let setting =
        draft.sensitive
        ? Setting(
          section: draft.section, key: draft.key,
          sealedValue: content.secret.encrypt(draft.value, rng: &sealRNG))
        : Setting(section: draft.section, key: draft.key, value: draft.value)
      try putSetting(db, setting)
    }
    try db.execute(
      sql: "INSERT INTO workflow (key, value) VALUES ('state', ?)",
      arguments: [initialWorkflowState])
    guard content.sampleIncidents > 0 else { return }
    try fillSample(
      db, columns: columns, content: content, sealRNG: &sealRNG, progress: progress, cancel: cancel)
  }

  private static func fillSample(
    _ db: Database, columns: StoreColumns, content: NewInstanceContent,
    sealRNG: inout SeededGenerator, progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws {
    var data = SampleData(seed: content.seed, incidentCount: content.sampleIncidents)
    let secret = content.secret

    // Alert sources: every type, enabled, with sealed credentials.
    let plan = data.alertSourcePlan()
    let sourceInsert = try db.makeStatement(
      sql: """
        INSERT INTO alert_sources (id, name, type, enabled, \(columns.sourcePoll), credentials, revision)
        VALUES (?, ?, ?, 1, ?, ?, 0)
        """)
    for (index, (name, type, poll)) in plan.enumerated() {
      let credentials =
        "{\"principal\":\"svc-tr-\(index)@\(data.corpDomain)\",\"secret\":\"\(data.hex(16))\"}"
      try sourceInsert.execute(arguments: [
        index + 1, name, type.rawValue, poll / columns.pollUnitSeconds,
        secret.encrypt(credentials, rng: &sealRNG),
      ])
    }
    let sourceNames = plan.map(\.0)

    // Licences, all Available as after a restore.
    for _ in 0..<(4 + data.rng.below(3)) {
      let key = LicenseKey.make(indices: (0..<24).map { _ in data.rng.below(32) })
      try upsertLicense(db, License(key: key, state: .available))
    }

    // Lists and members.
    let lists: [(String, String)] = [
      ("Blocked senders", "email"), ("VIP recipients", "email"), ("Trusted domains", "domain"),
      ("Known-good attachment hashes", "hash"),
    ]
    let memberInsert = try db.makeStatement(sql: insertListMemberSQL)
    var memberId: Int64 = 0
    for (index, (name, kind)) in lists.enumerated() {
      try db.execute(
        sql: "INSERT INTO lists (id, name, kind) VALUES (?, ?, ?)",
        arguments: [index + 1, name, kind])
      for _ in 0..<(10 + data.rng.below(30)) {
        memberId += 1
        let value: String
        switch kind {
        case "domain": value = data.rng.pick(SampleData.lastNames) + "-partner.example"
        case "hash": value = data.hex(32)
        case "email" where name.hasPrefix("VIP"): value = data.person() + "@" + data.corpDomain
        default: value = data.person() + "@" + data.rng.pick(SampleData.badDomains)
        }
        try memberInsert.execute(arguments: [
          memberId, index + 1, value,
          ISOTime.string(epochSeconds: data.baseEpoch + memberId * 3600),
        ])
      }
    }

    if content.meta.schemaVersion == SchemaGeneration.current.schemaVersion {
      try setProxy(
        db,
        ProxySettings(
          host: "proxy.\(data.corpDomain)", port: 3128, username: "svc-licensing",
          sealedPassword: secret.encrypt(data.hex(12), rng: &sealRNG)))
    }

    // The bulk: incidents, ~5 alerts each, quarantine results for about half the alerts.
    let incidentInsert = try db.makeStatement(
      sql: """
        INSERT INTO incidents (id, \(columns.incidentState), score, type, summary, assignee, team, \
        \(columns.incidentCreated), \(columns.incidentUpdated)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let alertInsert = try db.makeStatement(
      sql: """
        INSERT INTO alerts (id, \(columns.alertIncident), source, severity, \(columns.alertReceived), \
        \(columns.alertSender), \(columns.alertRecipients), subject, message_id, \
        \(columns.alertAttachments)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let quarantineInsert = try db.makeStatement(sql: insertQuarantineSQL)
    let actions = ["quarantine", "quarantine", "quarantine", "delete", "move"]
    let statuses = ["success", "success", "success", "success", "not found", "failed"]
    let total = content.sampleIncidents
    let step = max(1, total / 200)
    var alertId: Int64 = 0
    var quarantineId: Int64 = 0
    for n in 1...total {
      if n % step == 0 {
        try cancel?.check()
        progress?.progress(n, of: total, label: "incidents")
      }
      let (incident, created) = data.incident(id: Int64(n))
      try incidentInsert.execute(arguments: incidentArguments(incident))
      for _ in 0..<(3 + data.rng.below(5)) {
        alertId += 1
        let alert = data.alert(
          id: alertId, incident: incident, sources: sourceNames, createdEpoch: created)
        try alertInsert.execute(arguments: [
          alert.id, alert.incidentId, alert.source, alert.severity, alert.receivedAt, alert.sender,
          StoreColumns.encodeRecipients(alert.recipients), alert.subject, alert.messageId,
          columns.encodeAttachments(alert.attachmentHashes),
        ])
        guard data.rng.chance(50) else { continue }
        for mailbox in alert.recipients.prefix(2) {
          quarantineId += 1
          try quarantineInsert.execute(arguments: [
            quarantineId, alert.id, incident.id, mailbox, data.rng.pick(actions),
            data.rng.pick(statuses),
            ISOTime.string(epochSeconds: created + 60 + Int64(data.rng.below(7200))),
          ])
        }
      }
    }
    progress?.progress(total, of: total, label: "incidents")
  }
}
