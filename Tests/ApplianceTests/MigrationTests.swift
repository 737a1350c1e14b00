import Foundation
import GRDB
import TestSupport
import Testing

@testable import Appliance
@testable import ApplianceSQLite

@Suite(.engines) struct MigrationTests {
  /// Tables whose rows the migration leaves as they are (renamed columns keep the digest).
  static let untouched = [
    "incidents", "quarantine_results", "lists", "list_members", "users", "licenses",
    "proxy_settings", "workflow", "workflow_history",
  ]

  @Test func legacyToCurrentKeepsEveryRecord() throws {
    try TemporaryDirectory.with { dir in
      let old = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: 120, seed: 42,
        hostname: "tr-old")
      let legacy = try old.store()
      #expect(legacy.generation == .legacy)
      let before = try legacy.tableDigests()
      let sourcesBefore = try legacy.alertSources()
      let incidentsBefore = try legacy.incidents(limit: 1000, offset: 0)
      let alertsBefore = try incidentsBefore.flatMap { try legacy.alerts(incidentId: $0.id) }
      let settingsBefore = try legacy.settings(under: nil)
      let metaBefore = try legacy.meta()
      #expect(settingsBefore.allSatisfy { $0.section.hasPrefix("Setup/") })
      #expect(alertsBefore.count == before["alerts"]?.rows)
      #expect(alertsBefore.contains { $0.attachmentHashes.count == 2 })
      old.closeStore()

      // Migrate a copy, as a restore does with the database it unpacked.
      let copy = dir.appendingPathComponent("restored.sqlite")
      try FileManager.default.copyItem(at: old.databaseURL, to: copy)
      #expect(try SQLiteStore.migrateToCurrent(at: copy) == .legacy)
      #expect(try SQLiteStore.migrateToCurrent(at: copy) == .current)  // idempotent
      let migrated = try SQLiteStore(url: copy)
      #expect(migrated.generation == .current)
      let after = try migrated.tableDigests()

      for table in Self.untouched {
        #expect(after[table] == before[table], "table \(table)")
        #expect(
          (after[table]?.rows ?? 0) > 0 || ["proxy_settings", "workflow_history"].contains(table))
      }
      // Settings are kept verbatim, in their old paths, in legacy_settings.
      #expect(after["legacy_settings"] == before["settings"])
      #expect(after["settings"]?.rows == 0)
      #expect(after["uploads"]?.rows == 0)
      #expect(try migrated.legacySettings() == settingsBefore)

      // Reshaped tables: same row counts and the same records read through each schema.
      #expect(after["alerts"]?.rows == before["alerts"]?.rows)
      #expect(after["alert_sources"]?.rows == before["alert_sources"]?.rows)
      #expect(try migrated.alertSources() == sourcesBefore)
      #expect(try migrated.incidents(limit: 1000, offset: 0) == incidentsBefore)
      let alertsAfter = try incidentsBefore.flatMap { try migrated.alerts(incidentId: $0.id) }
      #expect(alertsAfter == alertsBefore)
      // The rebuilt alerts table keeps its index and its foreign keys, both ways.
      try migrated.queue.read { db in
        #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        let indexes = try db.indexes(on: "alerts")
        #expect(
          indexes.contains { $0.name == "alerts_by_incident" && $0.columns == ["incident_id"] })
        #expect(try db.foreignKeys(on: "alerts").contains { $0.destinationTable == "incidents" })
        #expect(
          try db.foreignKeys(on: "quarantine_results").contains { $0.destinationTable == "alerts" })
      }

      let metaAfter = try migrated.meta()
      #expect(metaAfter.schemaVersion == 5)
      #expect(metaAfter.applianceVersion == "5.1.0")
      #expect(metaAfter.migratedFrom == "4.6.2")
      #expect(metaAfter.hostname == metaBefore.hostname)
      #expect(metaAfter.instanceId == metaBefore.instanceId)
      #expect(metaAfter.createdAt == metaBefore.createdAt)

      // The legacy admin hash still verifies after the migration (restore admin password).
      let admin = try #require(try migrated.systemUser())
      #expect(
        PasswordHash.verify(
          password: Instance.sampleAdminPassword(seed: 42), against: admin.passwordHash))

      // Every table that existed before still exists, and the migrated schema equals a fresh 5.x one.
      #expect(Set(before.keys).subtracting(["settings"]).isSubset(of: Set(after.keys)))
      let fresh = try Instance.create(
        at: dir.appendingPathComponent("fresh"), version: .current, hostname: "tr-new")
      #expect(Set(try fresh.store().tableDigests().keys) == Set(after.keys))
      // Column for column, index for index: the same DDL, whichever way the file came to be.
      let schemaSQL =
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'grdb_%' ORDER BY name"
      let freshSchema = try (fresh.store() as! SQLiteStore).queue.read { db in
        try Row.fetchAll(db, sql: schemaSQL)
      }
      let migratedSchema = try migrated.queue.read { db in try Row.fetchAll(db, sql: schemaSQL) }
      #expect(migratedSchema == freshSchema)
    }
  }

  @Test func sealedFieldsStayReadableUnderTheOldSecret() throws {
    try TemporaryDirectory.with { dir in
      let old = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: 10, seed: 3,
        hostname: "tr-old")
      let secret = try old.secret()
      old.closeStore()
      try SQLiteStore.migrateToCurrent(at: old.databaseURL)
      let store = try SQLiteStore(url: old.databaseURL)
      let ldap = try store.legacySettings().filter { $0.section == "Setup/LDAP" }
      let bind = try #require(ldap.first { $0.key == "bind_password" }?.sealedValue)
      #expect(secret.decrypt(bind).isReadable)
      #expect(MasterSecret.generate().decrypt(bind) == .unreadable)
      #expect(try old.alertSourceInfos().allSatisfy { $0.credentialsSet && $0.credentialsReadable })
    }
  }
}
