import Foundation
import TestSupport
import Testing

@testable import Appliance
@testable import ApplianceSQLite

@Suite(.engines) struct StoreRoundTripTests {
  /// Runs `body` against an empty instance of each generation on `engine`.
  func withEmptyStores(
    _ engine: String, _ body: (any ApplianceStore, MasterSecret) throws -> Void
  ) throws {
    for generation in SchemaGeneration.allCases {
      try TemporaryDirectory.with { dir in
        let instance = try Instance.create(
          at: dir.appendingPathComponent("i"), version: generation, hostname: "tr-test",
          engine: engine)
        let store = try instance.store()
        #expect(store.generation == generation)
        try body(store, try instance.secret())
      }
    }
  }

  @Test(arguments: TestEngines.all) func incidentsAlertsAndQuarantineResults(engine: String) throws
  {
    try withEmptyStores(engine) { store, _ in
      let incident = Incident(
        id: 7, state: .assigned, score: 88, type: "phishing", summary: "Invoice lure",
        assignee: "akhan", team: "SOC Tier 2", createdAt: "2024-01-02T03:04:05Z",
        updatedAt: "2024-01-03T03:04:05Z")
      try store.insertIncident(incident)
      #expect(try store.incident(id: 7) == incident)
      let bare = Incident(
        id: 8, state: .new, score: 0, type: "spam", summary: "s", assignee: nil, team: nil,
        createdAt: "2024-01-02T03:04:05Z", updatedAt: "2024-01-02T03:04:05Z")
      try store.insertIncident(bare)
      #expect(try store.incidents(limit: 10, offset: 0) == [incident, bare])

      let alert = Alert(
        id: 70, incidentId: 7, source: "TAP - Corporate", severity: "high",
        receivedAt: "2024-01-02T03:00:00Z", sender: "x@bad.example",
        recipients: ["a@corp.example", "b@corp.example"], subject: "Invoice #1234 overdue",
        messageId: "<abc@mx.bad.example>",
        attachmentHashes: [String(repeating: "a", count: 64), String(repeating: "b", count: 64)])
      try store.insertAlert(alert)
      let noAttachments = Alert(
        id: 71, incidentId: nil, source: "CSV", severity: "low", receivedAt: "2024-01-02T03:00:00Z",
        sender: "y@bad.example", recipients: ["c@corp.example"], subject: "Hi", messageId: "<m>",
        attachmentHashes: [])
      try store.insertAlert(noAttachments)
      #expect(try store.alert(id: 70) == alert)
      #expect(try store.alert(id: 71) == noAttachments)
      #expect(try store.alerts(incidentId: 7) == [alert])

      let result = QuarantineResult(
        id: 1, alertId: 70, incidentId: 7, mailbox: "a@corp.example", action: "quarantine",
        status: "success", performedAt: "2024-01-02T04:00:00Z")
      try store.insertQuarantineResult(result)
      #expect(try store.quarantineResults(alertId: 70) == [result])
    }
  }

  @Test(arguments: TestEngines.all) func listsUsersLicencesProxyAndWorkflow(engine: String) throws {
    try withEmptyStores(engine) { store, secret in
      let list = ManagedList(id: 1, name: "Blocked senders", kind: "email")
      try store.insertList(list)
      #expect(try store.lists() == [list])
      let member = ListMember(
        id: 1, listId: 1, value: "x@bad.example", addedAt: "2024-01-01T00:00:00Z")
      try store.insertListMember(member)
      #expect(try store.listMembers(listId: 1) == [member])

      let admin = try #require(try store.systemUser())
      #expect(admin.username == "admin")
      #expect(admin.isSystem)
      let analyst = User(
        id: 2, username: "jsmith", passwordHash: "pbkdf2-sha256$1$00$00", isSystem: false,
        role: "analyst", createdAt: "2024-01-01T00:00:00Z")
      try store.upsertUser(analyst)
      #expect(try store.users() == [admin, analyst])

      let key = LicenseKey.make(indices: Array(0..<24))
      let available = License(key: key, state: .available)
      try store.upsertLicense(available)
      #expect(try store.licenses() == [available])
      let installed = License(
        key: key, state: .installed, productName: "Threat Response", expiresAt: "2026-12-31",
        lastValidatedAt: "2025-01-01T00:00:00Z")
      try store.upsertLicense(installed)
      #expect(try store.licenses() == [installed])
      #expect(try store.counts().licenses == ["Available": 0, "Installed": 1, "Invalid": 0])

      #expect(try store.proxy() == nil)
      let proxy = ProxySettings(
        host: "proxy.corp", port: 3128, username: "svc", sealedPassword: secret.encrypt("pw"))
      try store.setProxy(proxy)
      #expect(try store.proxy() == proxy)
      try store.setProxy(nil)
      #expect(try store.proxy() == nil)

      #expect(try store.workflowState() == "idle")
      let t = try store.recordWorkflowTransition(
        to: "sources-disabled", command: "alert-source disable --all", user: "root",
        at: "2025-01-01T00:00:00Z")
      #expect(t.from == "idle")
      #expect(try store.workflowState() == "sources-disabled")
      #expect(try store.workflowHistory() == [t])

      #expect(try store.servicesRestartingUntil() == nil)
      try store.setServicesRestartingUntil("2030-01-01T00:00:00Z")
      #expect(try store.servicesRestartingUntil() == "2030-01-01T00:00:00Z")
      try store.setServicesRestartingUntil(nil)
      #expect(try store.servicesRestartingUntil() == nil)
    }
  }

  @Test(arguments: TestEngines.all) func settingsAndAlertSources(engine: String) throws {
    try withEmptyStores(engine) { store, secret in
      let section = store.generation == .legacy ? "Setup/LDAP" : "Configurations/Security/LDAP"
      let plain = Setting(section: section, key: "server", value: "ldap.corp")
      let sealed = Setting(
        section: section, key: "bind_password", sealedValue: secret.encrypt("pw"))
      try store.putSetting(plain)
      try store.putSetting(sealed)
      let read = try store.settings(under: section)
      #expect(read == [sealed, plain])
      #expect(secret.decrypt(try #require(read[0].sealedValue)) == .plain("pw"))
      let parent = String(section.split(separator: "/").dropLast().joined(separator: "/"))
      #expect(try store.settings(under: parent).contains(plain))
      #expect(try store.settings(under: section + "X").isEmpty)

      let source = AlertSource(
        id: 1, name: "TAP - Corporate", type: .tap, enabled: true, pollIntervalSeconds: 120,
        sealedCredentials: secret.encrypt("{}"))
      try store.insertAlertSource(source)
      #expect(try store.alertSource(named: "TAP - Corporate") == source)
      #expect(throws: ApplianceError.self) { try store.insertAlertSource(source) }
      let mailbox = AlertSource(
        id: 2, name: "Abuse", type: .abuseMailbox, enabled: false, pollIntervalSeconds: 60,
        sealedCredentials: nil)
      try store.insertAlertSource(mailbox)
      #expect(try store.alertSources() == [mailbox, source])
      #expect(try store.alertSourceNames() == ["Abuse", "TAP - Corporate"])
      try store.setAlertSourceCredentials(name: "abuse", sealed: secret.encrypt("{}"))
      #expect(try store.alertSource(named: "Abuse")?.sealedCredentials != nil)
    }
  }

  @Test(arguments: TestEngines.all) func metaAndCounts(engine: String) throws {
    try withEmptyStores(engine) { store, _ in
      let meta = try store.meta()
      #expect(meta.hostname == "tr-test")
      #expect(meta.schemaVersion == store.generation.schemaVersion)
      #expect(meta.applianceVersion == store.generation.applianceVersion)
      #expect(UUID(uuidString: meta.instanceId) != nil)
      try store.setHostname("tr-renamed")
      #expect(try store.meta().hostname == "tr-renamed")
      let counts = try store.counts()
      #expect(counts.incidents == 0 && counts.alerts == 0 && counts.alertSourcesTotal == 0)
    }
  }
}
