import Foundation
import TestSupport
import Testing

@testable import Appliance
@testable import AppliancePostgres

/// What only the PostgreSQL engine does: its own server, a managed database, the same data
/// as SQLite (digest for digest), and its faults.
@Suite(.engines) struct PostgresEngineTests {
  func create(
    _ dir: URL, _ name: String, engine: String, version: SchemaGeneration = .current,
    sample: Int = 0, seed: UInt64 = 3, external: ExternalDatabase? = nil
  ) throws -> Instance {
    try Instance.create(
      at: dir.appendingPathComponent(name), version: version, sampleData: sample, seed: seed,
      hostname: "tr-pg", engine: engine, external: external)
  }

  @Test(arguments: SchemaGeneration.allCases)
  func sameSeedGivesTheSameDigestsOnBothEngines(version: SchemaGeneration) throws {
    try TemporaryDirectory.with { dir in
      let lite = try create(dir, "lite", engine: "sqlite", version: version, sample: 40)
      let pg = try create(dir, "pg", engine: "postgresql", version: version, sample: 40)
      let expected = try lite.store().tableDigests()
      #expect(try pg.store().tableDigests() == expected)
      #expect((expected["alerts"]?.rows ?? 0) > 100)
      #expect(try pg.info().engine == "postgresql")
    }
  }

  @Test func backupsCrossEnginesBothWays() throws {
    try TemporaryDirectory.with { dir in
      let pg = try create(dir, "pg", engine: "postgresql", sample: 25, seed: 8)
      _ = try pg.setAlertSources(enabled: false, names: nil)
      let backup = dir.appendingPathComponent("pg.trbk")
      let (summary, _) = try pg.createBackup(output: backup, includeIncidents: true)
      #expect(summary.header.recordCounts == (try pg.store().tableCounts()))
      let key = dir.appendingPathComponent("pg.key")
      _ = try pg.exportSecret(to: key, force: false)
      let lite = try create(dir, "lite", engine: "sqlite", seed: 9)
      _ = try lite.uploadSecret(from: key)
      _ = try lite.restore(from: try lite.uploadBackup(backup).destination, options: .init())
      let original = try pg.store().tableDigests()
      let restored = try lite.store().tableDigests()
      for table in ["incidents", "alerts", "quarantine_results", "lists", "list_members"] {
        #expect(restored[table] == original[table], "table \(table)")
      }
      // And back: the SQLite instance's backup into a second PostgreSQL instance.
      let again = dir.appendingPathComponent("lite.trbk")
      _ = try lite.createBackup(output: again, includeIncidents: true)
      let pg2 = try create(dir, "pg2", engine: "postgresql", seed: 10)
      _ = try pg2.uploadSecret(from: key)
      _ = try pg2.restore(from: try pg2.uploadBackup(again).destination, options: .init())
      #expect(try pg2.store().tableDigests()["alerts"] == original["alerts"])
    }
  }

  @Test func aStoppedServerIsStartedWhenTheInstanceOpens() throws {
    try TemporaryDirectory.with { dir in
      let instance = try create(dir, "pg", engine: "postgresql", sample: 3)
      let before = try instance.store().tableDigests()
      instance.closeStore()
      try PostgresEngine().stopService(in: instance.directory, mode: "immediate")
      #expect(PostgresEngine().serviceState(in: instance.directory) == .stopped)
      let reopened = try Instance.open(at: instance.directory, createIfMissing: false)
      #expect(try reopened.store().tableDigests() == before)
      #expect(try reopened.services().first { $0.name == "database" }?.state == .running)
    }
  }

  @Test func secretUploadReallyRestartsTheServer() throws {
    try TemporaryDirectory.with { dir in
      let instance = try create(dir, "pg", engine: "postgresql")
      let pidFile = instance.directory.appendingPathComponent("pgdata/postmaster.pid")
      let firstPid = try String(contentsOf: pidFile, encoding: .utf8).split(separator: "\n")[0]
      let key = dir.appendingPathComponent("other.key")
      try MasterSecret.generate().write(to: key)
      _ = try instance.uploadSecret(from: key)
      let secondPid = try String(contentsOf: pidFile, encoding: .utf8).split(separator: "\n")[0]
      #expect(firstPid != secondPid)
      #expect(try instance.store().meta().hostname == "tr-pg")
    }
  }

  @Test func aManagedDatabaseIsUsedAndItsPasswordKeptPrivate() throws {
    try TemporaryDirectory.with { dir in
      // The first instance's own server stands in for a managed database server.
      let host = try create(dir, "host", engine: "postgresql")
      let config = try PostgresInstanceConfig.load(from: host.directory)
      let password = try String(
        contentsOf: PostgresInstanceConfig.passwordURL(in: host.directory), encoding: .utf8)
      let url = "postgresql://trsh@127.0.0.1:\(config.port)/postgres"
      let managed = try create(
        dir, "managed", engine: "postgresql", sample: 5,
        external: ExternalDatabase(url: url, password: password))
      #expect(try managed.store().counts().incidents == 5)
      let saved = try String(
        contentsOf: PostgresInstanceConfig.url(in: managed.directory), encoding: .utf8)
      #expect(!saved.contains(password))
      var info = stat()
      stat(PostgresInstanceConfig.passwordURL(in: managed.directory).path, &info)
      #expect(info.st_mode & 0o777 == 0o600)
      #expect(PostgresEngine().serviceState(in: managed.directory) == nil)
      // The same database again is refused: it already holds appliance data.
      #expect(throws: ApplianceError.self) {
        try create(
          dir, "again", engine: "postgresql",
          external: ExternalDatabase(url: url, password: password))
      }
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("again").path))
    }
  }

  @Test func aWrongDatabaseURLSaysWhereAndWhyAndLeavesNothing() throws {
    try TemporaryDirectory.with { dir in
      let port = try LoopbackSocket.freePort()
      let secret = "s3cret-never-shown"
      do {
        _ = try create(
          dir, "x", engine: "postgresql",
          external: ExternalDatabase(
            url: "postgresql://trsh@127.0.0.1:\(port)/db", password: secret))
        Issue.record("created on a closed port")
      } catch let error as ApplianceError {
        #expect(error.message.contains("127.0.0.1:\(port)"))
        #expect(error.message.contains("refused"))
        #expect(!error.message.contains(secret))
      }
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
      #expect(throws: ApplianceError.self) {
        try create(
          dir, "y", engine: "postgresql",
          external: ExternalDatabase(url: "postgresql://trsh:\(secret)@127.0.0.1/db", password: nil)
        )
      }
      #expect(throws: ApplianceError.self) { try create(dir, "z", engine: "oracle") }
    }
  }

  @Test func anInterruptedRestoreLeavesTheLiveDataAndIsClearedNextTime() throws {
    try TemporaryDirectory.with { dir in
      let old = try create(dir, "old", engine: "sqlite", version: .legacy, sample: 10, seed: 4)
      _ = try old.setAlertSources(enabled: false, names: nil)
      let backup = dir.appendingPathComponent("old.trbk")
      _ = try old.createBackup(output: backup, includeIncidents: true)
      let key = dir.appendingPathComponent("old.key")
      _ = try old.exportSecret(to: key, force: false)
      let pg = try create(dir, "pg", engine: "postgresql", seed: 5)
      _ = try pg.uploadSecret(from: key)
      let uploaded = try pg.uploadBackup(backup).destination
      let live = try pg.store().tableDigests()
      // A restore that died after loading, before the swap, leaves its schema behind.
      let engine = PostgresEngine()
      let image = dir.appendingPathComponent("image.sqlite")
      _ = try BackupArchive.extract(backup, to: image)
      _ = try StoreEngines.bodyFormat().migrateToCurrent(at: image)
      try engine.prepareRestored(
        body: image, in: pg.directory,
        carryOver: RestoreCarryOver(
          adminPasswordHash: nil, unreadable: [], restoredFrom: "x", restoreId: "dead"),
        cancel: nil)
      pg.closeStore()
      #expect(try pg.store().tableDigests() == live)
      let report = try pg.restore(from: uploaded, options: .init())
      #expect(report.recordCounts["incidents"] == 10)
      #expect(try pg.store().counts().incidents == 10)
    }
  }

  /// The cached status follows another connection's commits (announced by the tables'
  /// triggers) and this connection's own writes, without asking the server each time.
  @Test func cachedStatusFollowsOtherConnectionsCommits() throws {
    try TemporaryDirectory.with { dir in
      let a = try create(dir, "pg", engine: "postgresql", sample: 2)
      let b = try Instance.open(at: a.directory, createIfMissing: false)
      #expect(try a.status().alertSourcesEnabled == 6)
      let token = try a.store().changeToken()
      #expect(try a.store().changeToken() == token)
      _ = try b.setAlertSources(enabled: false, names: nil)
      let deadline = Date().addingTimeInterval(5)
      while try a.store().changeToken() == token && Date() < deadline { usleep(1000) }
      #expect(try a.status().alertSourcesEnabled == 0)
      _ = try a.setAlertSources(enabled: true, names: nil)
      #expect(try a.status().alertSourcesEnabled == 6)
    }
  }

  /// A server restarted under an open store (another trsh's secret upload, a cluster
  /// operation): the next call reconnects instead of waiting forever on the dead connection,
  /// and cached summaries are recomputed.
  @Test(.timeLimit(.minutes(1))) func anOpenStoreSurvivesAServerRestart() throws {
    try TemporaryDirectory.with { dir in
      let a = try create(dir, "pg", engine: "postgresql", sample: 2)
      #expect(try a.status().incidents == 2)
      let token = try a.store().changeToken()
      try PostgresEngine().restartService(in: a.directory)
      #expect(try a.store().meta().hostname == "tr-pg")
      #expect(try a.store().changeToken() != token)
      _ = try a.setAlertSources(enabled: false, names: nil)
      #expect(try a.status().alertSourcesEnabled == 0)
    }
  }
}
