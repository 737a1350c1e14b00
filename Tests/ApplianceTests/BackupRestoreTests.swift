import Foundation
import TestSupport
import Testing

@testable import Appliance
@testable import ApplianceSQLite

/// Backup, Master Secret transfer and restore, through the domain API.
@Suite(.engines) struct BackupRestoreTests {
  /// An old 4.6 appliance backed up the clean way, and a fresh 5.x one to restore onto.
  struct Upgrade {
    let dir: URL
    let old: Instance
    let new: Instance
    let backup: URL
    let secretFile: URL

    /// The old appliance is SQLite (as every 4.x was); the new one runs on `engine`.
    init(_ dir: URL, sample: Int = 30, engine: String = "sqlite") throws {
      self.dir = dir
      old = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: sample, seed: 1,
        hostname: "oldbox")
      _ = try old.setAlertSources(enabled: false, names: nil)
      backup = dir.appendingPathComponent("old.trbk")
      _ = try old.createBackup(output: backup, includeIncidents: true)
      secretFile = dir.appendingPathComponent("old.key")
      _ = try old.exportSecret(to: secretFile, force: false)
      new = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 2, hostname: "newbox",
        engine: engine)
    }

    /// The backup's database migrated to 5.x: what a restore must bring across.
    func migratedReference() throws -> SQLiteStore {
      let url = dir.appendingPathComponent("reference.sqlite")
      if !FileManager.default.fileExists(atPath: url.path) {
        _ = try BackupArchive.extract(backup, to: url)
        try SQLiteStore.migrateToCurrent(at: url)
      }
      return try SQLiteStore(url: url)
    }

    /// Secret upload and backup upload, as an admin does before restoring.
    func prepare(uploadSecret: Bool = true) throws -> URL {
      if uploadSecret { _ = try new.uploadSecret(from: secretFile) }
      return try new.uploadBackup(backup).destination
    }

    func scratchFiles() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: new.directory.path).filter {
        $0.contains(".restore-") || $0.hasPrefix(".backup-snapshot") || $0.hasSuffix(".partial")
      }
    }
  }

  /// Tables the restore brings across untouched (after migration).
  static let carried = [
    "incidents", "alerts", "quarantine_results", "lists", "list_members", "legacy_settings",
    "proxy_settings",
  ]

  @Test(arguments: TestEngines.all) func legacyRoundTripKeepsEveryRecord(engine: String) throws {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      let uploaded = try u.prepare()
      let adminBefore = try u.new.store().systemUser()
      let report = try u.new.restore(from: uploaded, options: RestoreOptions())
      #expect(report.migrated && report.consistent && report.validated)
      #expect(report.recordCounts == (try u.new.store().tableCounts()))

      let reference = try u.migratedReference()
      let expected = try reference.tableDigests()
      let restored = try u.new.store()
      let actual = try restored.tableDigests()
      for table in Self.carried {
        #expect(actual[table] == expected[table], "table \(table)")
      }
      #expect(actual["incidents"]?.rows == 30)
      // Sources arrive disabled, otherwise as backed up.
      let sources = try restored.alertSources()
      #expect(!sources.isEmpty && sources.allSatisfy { !$0.enabled })
      // PostgreSQL migrates each row while loading it: the same values as SQLite's migration
      // (poll minutes become seconds, logins usernames; digests above cover the rest).
      #expect(
        sources.map { "\($0.name) \($0.type.rawValue) \($0.pollIntervalSeconds) \($0.revision)" }
          == (try reference.alertSources()).map {
            "\($0.name) \($0.type.rawValue) \($0.pollIntervalSeconds) \($0.revision)"
          })
      #expect(try restored.licenses().allSatisfy { $0.state == .available })
      #expect(try restored.licenses().count == (try reference.licenses()).count)
      // This instance keeps its identity, settings and admin password.
      #expect(try restored.meta().hostname == "newbox")
      #expect(try restored.systemUser()?.passwordHash == adminBefore?.passwordHash)
      #expect(
        try restored.users().map { "\($0.id) \($0.username) \($0.role)" }
          == (try reference.users()).map { "\($0.id) \($0.username) \($0.role)" })
      #expect(try restored.meta().migratedFrom == (try reference.meta()).migratedFrom)
      #expect(try restored.meta().schemaVersion == SchemaGeneration.current.schemaVersion)
      // Every encrypted field opens with the uploaded secret.
      let secret = try u.new.secret()
      #expect(try restored.sealedFields().allSatisfy { secret.decrypt($0.sealed).isReadable })
      #expect(try u.new.status().consistent == nil)
      #expect(try u.scratchFiles().isEmpty)
      #expect(!FileManager.default.fileExists(atPath: u.new.databaseURL.path + ".restore"))
      #expect(u.new.lastRestore()?.outcome == "restored")
    }
  }

  /// A 5.x backup is written straight to the disk and its counts come from its header: they
  /// must be the restored database's own.
  @Test(arguments: TestEngines.all) func currentRoundTripReportsTheCountsItRestored(engine: String)
    throws
  {
    try TemporaryDirectory.with { dir in
      let five = try Instance.create(
        at: dir.appendingPathComponent("five"), version: .current, sampleData: 20, seed: 5,
        hostname: "fivebox", engine: engine)
      _ = try five.setAlertSources(enabled: false, names: nil)
      let backup = dir.appendingPathComponent("five.trbk")
      _ = try five.createBackup(output: backup, includeIncidents: true)
      let key = dir.appendingPathComponent("five.key")
      _ = try five.exportSecret(to: key, force: false)
      let target = try Instance.create(
        at: dir.appendingPathComponent("target"), version: .current, seed: 6, hostname: "target",
        engine: engine)
      _ = try target.uploadSecret(from: key)
      let uploaded = try target.uploadBackup(backup).destination

      let report = try target.restore(from: uploaded, options: RestoreOptions())
      #expect(!report.migrated && report.consistent)
      let restored = try target.store()
      #expect(report.recordCounts == (try restored.tableCounts()))
      let expected = try five.store().tableDigests()
      let actual = try restored.tableDigests()
      for table in Self.carried {
        #expect(actual[table] == expected[table], "table \(table)")
      }
      #expect((actual["alerts"]?.rows ?? 0) > 0)
      #expect(try restored.meta().hostname == "target")
    }
  }

  @Test(arguments: TestEngines.all) func wrongSecretIsRefusedAndNothingChanges(engine: String)
    throws
  {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      let uploaded = try u.prepare(uploadSecret: false)
      let before = try u.new.store().tableDigests()
      let mine = try u.new.secret().fingerprint
      let theirs = try BackupArchive.readHeader(u.backup).secretFingerprint
      #expect(mine != theirs)
      let error = #expect(throws: ApplianceError.self) {
        try u.new.restore(from: uploaded, options: RestoreOptions())
      }
      #expect(error?.kind == .validation)
      #expect(error?.message.contains(mine) == true && error?.message.contains(theirs) == true)
      #expect(try u.new.store().tableDigests() == before)
      #expect(try u.scratchFiles().isEmpty)
    }
  }

  @Test(arguments: TestEngines.all) func withoutValidationUnreadableFieldsAreRecorded(
    engine: String
  ) throws {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      let uploaded = try u.prepare(uploadSecret: false)
      let sealed = try u.migratedReference().sealedFields().map(\.label)
      #expect(!sealed.isEmpty)
      let report = try u.new.restore(
        from: uploaded, options: RestoreOptions(validateEncryption: false))
      #expect(report.unreadable == sealed)
      #expect(!report.consistent)
      let status = try u.new.status()
      #expect(status.consistent == false)
      #expect(status.mustReenter == sealed)
      #expect(try u.new.store().counts().incidents == 30)
    }
  }

  @Test(arguments: TestEngines.all) func adminPasswordComesAcrossOnlyWithTheFlag(engine: String)
    throws
  {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      let uploaded = try u.prepare()
      let newHash = try u.new.store().systemUser()?.passwordHash
      let oldHash = try u.old.store().systemUser()?.passwordHash
      #expect(newHash != oldHash)
      _ = try u.new.restore(from: uploaded, options: RestoreOptions())
      #expect(try u.new.store().systemUser()?.passwordHash == newHash)
      _ = try u.new.restore(from: uploaded, options: RestoreOptions(restoreAdminPassword: true))
      let restored = try u.new.store()
      #expect(try restored.systemUser()?.passwordHash == oldHash)
      // Only the system admin: every other account is the backup's.
      #expect(
        try restored.tableDigests()["users"] == (try u.migratedReference().tableDigests())["users"])
    }
  }

  @Test(arguments: TestEngines.all) func dryRunChangesNothing(engine: String) throws {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      let uploaded = try u.prepare()
      let before = try u.new.store().tableDigests()
      let report = try u.new.restore(from: uploaded, options: RestoreOptions(dryRun: true))
      #expect(report.outcome == "dry-run" && report.recordCounts["incidents"] == 30)
      #expect(try u.new.store().tableDigests() == before)
      #expect(try u.scratchFiles().isEmpty)
    }
  }

  @Test(arguments: TestEngines.all) func damagedArchivesChangeNothing(engine: String) throws {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, engine: engine)
      _ = try u.new.uploadSecret(from: u.secretFile)
      let bytes = try Data(contentsOf: u.backup)
      let before = try u.new.store().tableDigests()
      let damaged = dir.appendingPathComponent("damaged.trbk")
      var cases: [Data] = [bytes.prefix(bytes.count / 2), bytes.prefix(bytes.count - 1)]
      for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 8)) {
        var flipped = bytes
        flipped[position] ^= 0x40
        cases.append(flipped)
      }
      for data in cases {
        try data.write(to: damaged)
        #expect(throws: ApplianceError.self) {
          try u.new.restore(from: damaged, options: RestoreOptions())
        }
        #expect(throws: ApplianceError.self) { try u.new.uploadBackup(damaged) }
      }
      #expect(try u.new.store().tableDigests() == before)
      #expect(try u.scratchFiles().isEmpty)
      #expect(
        !FileManager.default.fileExists(atPath: u.new.uploadsDirectory.path + "/damaged.trbk"))
    }
  }

  @Test(arguments: TestEngines.all) func newerVersionIsRefused(engine: String) throws {
    try TemporaryDirectory.with { dir in
      let u = try Upgrade(dir, sample: 5, engine: engine)
      let snapshot = dir.appendingPathComponent("body.sqlite")
      _ = try u.new.store().snapshot(to: snapshot, includeIncidents: true)
      let header = BackupHeader(
        applianceVersion: "6.0.0", schemaVersion: 6, hostname: "future", instanceID: "x",
        createdAt: ISOTime.now(), recordCounts: [:], secretFingerprint: "",
        sourcesLive: false, includesIncidents: true)
      let future = dir.appendingPathComponent("future.trbk")
      _ = try BackupArchive.write(header: header, body: snapshot, to: future)
      let upload = #expect(throws: ApplianceError.self) { try u.new.uploadBackup(future) }
      #expect(upload?.kind == .validation && upload?.message.contains("6.0.0") == true)
      let restore = #expect(throws: ApplianceError.self) {
        try u.new.restore(from: future, options: RestoreOptions(validateEncryption: false))
      }
      #expect(restore?.kind == .validation)
    }
  }

  @Test(arguments: TestEngines.all) func secretUploadReencryptsThisInstancesFields(engine: String)
    throws
  {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("five"), version: .current, sampleData: 5, seed: 9,
        engine: engine)
      let before = try instance.store().sealedFields()
      let oldSecret = try instance.secret()
      let plain = before.map { oldSecret.decrypt($0.sealed) }
      #expect(!before.isEmpty && plain.allSatisfy(\.isReadable))
      let file = dir.appendingPathComponent("other.key")
      try MasterSecret.generate().write(to: file)
      let (fingerprint, count) = try instance.uploadSecret(from: file)
      #expect(count == before.count)
      #expect(fingerprint != oldSecret.fingerprint)
      #expect(try instance.servicesRestarting())
      // A fresh open reads the installed secret from disk.
      let reopened = try Instance.open(at: instance.directory, createIfMissing: false)
      #expect(try reopened.secret().fingerprint == fingerprint)
      let after = try reopened.store().sealedFields()
      #expect(after.map { try! reopened.secret().decrypt($0.sealed) } == plain)
    }
  }

  @Test(arguments: TestEngines.all) func noIncidentsBackupLeavesTheLiveDatabaseAlone(engine: String)
    throws
  {
    try TemporaryDirectory.with { dir in
      let old = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: 10, seed: 4,
        engine: engine)
      let before = try old.store().tableDigests()
      let (summary, file) = try old.createBackup(output: nil, includeIncidents: false)
      #expect(file.deletingLastPathComponent().path == old.backupsDirectory.path)
      #expect(summary.header.recordCounts["incidents"] == 0)
      #expect(summary.header.recordCounts["alerts"] == 0)
      #expect(summary.header.recordCounts["users"] == before["users"]?.rows)
      #expect(!summary.header.includesIncidents && summary.header.sourcesLive)
      #expect(try old.store().tableDigests() == before)
      #expect(old.backupFiles().map(\.name) == [file.lastPathComponent])
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: old.directory.path)
        .filter { $0.hasPrefix(".backup-snapshot") }
      #expect(leftovers.isEmpty)
    }
  }
}
