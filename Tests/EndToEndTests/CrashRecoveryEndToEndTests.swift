import Appliance
import Foundation
import TestSupport
import Testing

@testable import ApplianceSQLite

#if canImport(Glibc)
  import Glibc
#endif

/// Restores and secret uploads killed (SIGKILL, through the `TRSH_FAULT_POINT` test hook) at
/// named points: the next trsh process must recover, leaving a working instance with either
/// exactly the old data or exactly the complete new data, and never stuck in `restoring`.
@Suite(.serialized, .engines) struct CrashRecoveryEndToEndTests {
  typealias Appliances = BackupRestoreEndToEndTests.Appliances

  /// The data tables (what the restore carries), read straight from the file without opening
  /// the instance (which would recover in this process instead of in trsh). The workflow's
  /// own bookkeeping, meta (restore ids, times) and uploads (upload times) are left out.
  static func digests(_ dir: String) throws -> [String: TableDigest] {
    let url = URL(fileURLWithPath: dir)
    let engine = try #require(StoreEngines.engine(holding: url))
    let store = try engine.open(in: url)
    defer { try? store.close() }
    return try store.tableDigests()
      .filter { !$0.key.hasPrefix("workflow") && $0.key != "meta" && $0.key != "uploads" }
  }

  static func status(_ a: Appliances, _ dir: String) throws -> [String: Any] {
    let r = try a.run(dir, ["show", "status", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
  }

  /// Files a restore or secret upload must not leave behind once recovered.
  static func leftovers(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter {
      $0.hasPrefix("appliance.sqlite.restore-") || $0 == "restore.marker"
        || $0 == "secret-upload.journal" || $0 == "secret.key.staged" || $0.hasSuffix(".tmp")
    }
  }

  /// Uploads the old appliance's secret and backup into `dir` (a fresh 5.x instance).
  static func prepare(_ a: Appliances, _ dir: String) throws {
    #expect(try a.run(dir, ["secret", "upload", a.home.file("old.key"), "--yes"]).status == 0)
    #expect(try a.run(dir, ["backup", "upload", a.home.file("old.trbk")]).status == 0)
  }

  @Test(
    .timeLimit(.minutes(2)),
    arguments: TestEngines.all,
    [
      ("restore.after-extract", false), ("restore.after-migrate", false),
      ("restore.before-swap", false), ("restore.after-swap", true),
      ("restore.after-report", true),
    ])
  func killedRestoreLeavesOldOrCompleteNewData(engine: String, fault: (String, Bool)) throws {
    let (point, swapped) = fault
    let a = try Appliances(sample: 20, engine: engine)
    try a.backUpOld()
    // A twin of the new instance restored without a crash: the complete new data.
    let twin = a.home.file("twin")
    try a.ok([
      "instance", "create", twin, "--version", "5.1", "--seed", "2", "--hostname", "newbox",
      "--engine", engine,
    ])
    try Self.prepare(a, twin)
    #expect(try a.run(twin, ["restore", "--yes"]).status == 0)
    let newData = try Self.digests(twin)
    try Self.prepare(a, a.new)
    let oldData = try Self.digests(a.new)
    #expect(oldData != newData)

    let killed = try trsh(
      ["--instance", a.new, "restore", "--yes"], home: a.home,
      environment: ["TRSH_FAULT_POINT": point])
    #expect(killed.status == 128 + SIGKILL || killed.status == SIGKILL, "\(killed.stderr)")
    #expect(try Self.digests(a.new) == (swapped ? newData : oldData), "after a kill at \(point)")

    // The next command recovers, says so, and reports the restore as interrupted.
    let status = try a.run(a.new, ["restore", "status"])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stderr.contains("interrupted"), "\(status.stderr)")
    #expect(status.stdout.contains("INTERRUPTED"), "\(status.stdout)")
    #expect(
      status.stdout.contains(swapped ? "restored data live and complete" : "unchanged"),
      "\(status.stdout)")
    #expect(try Self.leftovers(a.new).isEmpty)
    let state = try Self.status(a, a.new)["workflowState"] as? String
    #expect(state == (swapped ? "restored" : "uploaded"), "after a kill at \(point)")
    #expect(try Self.digests(a.new) == (swapped ? newData : oldData))
    let again = try a.run(a.new, ["restore", "status"])
    #expect(!again.stderr.contains("interrupted"), "a notice is given once: \(again.stderr)")

    // Not stuck: a restore runs again, and completes with exactly the new data.
    let rerun = try a.run(a.new, ["restore", "--yes"])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try Self.digests(a.new) == newData)
    #expect(try Self.status(a, a.new)["workflowState"] as? String == "restored")
  }

  /// PostgreSQL loads the image into a schema beside the live one over two connections and
  /// several transactions: killed or interrupted (Ctrl-C) in the middle of a COPY, the live
  /// data is untouched, and the next restore clears the half-loaded schema and completes.
  @Test(.timeLimit(.minutes(2)), arguments: ["restore.loading-page", "restore.loading-page:INT"])
  func aRestoreStoppedWhileLoadingPostgreSQLChangesNothing(point: String) throws {
    let a = try Appliances(sample: 400, engine: "postgresql")
    try a.backUpOld()
    try Self.prepare(a, a.new)
    let before = try Self.digests(a.new)

    let stopped = try trsh(
      ["--instance", a.new, "restore", "--yes"], home: a.home,
      environment: ["TRSH_FAULT_POINT": point])
    if point.hasSuffix(":INT") {
      #expect(stopped.status == 130, "\(stopped.stderr)")
      #expect(stopped.stderr.contains("interrupted"), "\(stopped.stderr)")
    } else {
      #expect(stopped.status == 128 + SIGKILL || stopped.status == SIGKILL, "\(stopped.stderr)")
    }
    #expect(try Self.digests(a.new) == before)
    let status = try a.run(a.new, ["restore", "status"])
    #expect(status.stdout.contains("unchanged"), "\(status.stdout)")
    #expect(try Self.leftovers(a.new).isEmpty)

    let retried = try a.run(a.new, ["restore", "--yes"])
    #expect(retried.status == 0, "\(retried.stderr)")
    let after = try Self.digests(a.new)
    let backedUp = try Self.digests(a.old)
    #expect(after != before && after["alerts"]?.rows == backedUp["alerts"]?.rows)
  }

  /// Ctrl-C while the backup is being unpacked (a real SIGINT, sent through the test hook after
  /// the first body chunk, while the writer thread still has data in flight): the restore
  /// stops, says so with exit 130, and leaves the instance exactly as it was and able to retry.
  @Test(.timeLimit(.minutes(2)), arguments: TestEngines.all)
  func ctrlCDuringExtractionChangesNothing(engine: String) throws {
    let a = try Appliances(sample: 400, engine: engine)
    try a.backUpOld()
    try Self.prepare(a, a.new)
    let before = try Self.digests(a.new)
    let stateBefore = try Self.status(a, a.new)["workflowState"] as? String

    let stopped = try trsh(
      ["--instance", a.new, "restore", "--yes"], home: a.home,
      environment: ["TRSH_FAULT_POINT": "archive.after-body-chunk:INT"])
    #expect(stopped.status == 130, "\(stopped.stderr)")
    #expect(stopped.stderr.contains("interrupted"), "\(stopped.stderr)")
    #expect(try Self.digests(a.new) == before)
    #expect(try Self.leftovers(a.new).isEmpty)
    #expect(try Self.status(a, a.new)["workflowState"] as? String == stateBefore)
    let status = try a.run(a.new, ["restore", "status"])
    #expect(status.stdout.contains("FAILED") && status.stdout.contains("interrupted"))
    #expect(status.stdout.contains("unchanged"), "\(status.stdout)")

    let retried = try a.run(a.new, ["restore", "--yes"])
    #expect(retried.status == 0, "\(retried.stderr)")
    #expect(try Self.digests(a.new) != before)
  }

  /// A restorer that is alive (it holds the lock) is never mistaken for a dead one: commands
  /// other than show and help stay refused until it ends; once its lock is free, the next
  /// process cleans up.
  @Test func liveRestorerIsLeftAlone() throws {
    let a = try Appliances(sample: 5)
    try a.backUpOld()
    try Self.prepare(a, a.new)
    let before = try Self.digests(a.new)
    // Stand in for a running restore: its lock held, its marker written, the workflow told.
    let lockFD = open(a.new + "/restore.lock", O_RDWR | O_CREAT, 0o600)
    #expect(lockFD >= 0 && flock(lockFD, LOCK_EX) == 0)
    let marker = """
      {"backupFile":"old.trbk","pid":\(getpid()),"restoreId":"live-one",\
      "scratchName":"appliance.sqlite.restore-\(getpid())","startedAt":"2026-01-01T00:00:00Z"}
      """
    a.home.write("new/restore.marker", marker)
    try Instance.open(at: URL(fileURLWithPath: a.new), createIfMissing: false)
      .recordWorkflow(.restoreStarted, command: "restore", user: "test")

    let refused = try a.run(a.new, ["backup", "upload", a.home.file("old.trbk")])
    #expect(refused.status == 3, "\(refused.stderr)")
    #expect(refused.stderr.contains("restore is in progress"), "\(refused.stderr)")
    let second = try a.run(a.new, ["restore", "--yes"])
    #expect(second.status == 3, "\(second.stderr)")
    let shown = try a.run(a.new, ["restore", "status"])
    #expect(shown.status == 0 && !shown.stderr.contains("interrupted"), "\(shown.stderr)")
    #expect(FileManager.default.fileExists(atPath: a.new + "/restore.marker"))
    #expect(try Self.status(a, a.new)["workflowState"] as? String == "restoring")

    close(lockFD)  // the restorer dies
    let after = try a.run(a.new, ["restore", "status"])
    #expect(after.stderr.contains("interrupted"), "\(after.stderr)")
    #expect(after.stdout.contains("INTERRUPTED"), "\(after.stdout)")
    #expect(try Self.status(a, a.new)["workflowState"] as? String == "uploaded")
    #expect(try Self.leftovers(a.new).isEmpty)
    #expect(try Self.digests(a.new) == before)
  }

  /// A secret upload killed before, between or after its steps: the installed secret always
  /// opens every encrypted field, and the upload is either wholly done or wholly undone.
  @Test(
    .timeLimit(.minutes(2)),
    arguments: TestEngines.all,
    [
      ("secret-upload.after-stage", false), ("secret-upload.after-reencrypt", true),
      ("secret-upload.after-install", true),
    ])
  func killedSecretUploadIsFinishedOrRolledBack(engine: String, fault: (String, Bool)) throws {
    let (point, finished) = fault
    let a = try Appliances(sample: 5)
    try a.backUpOld()
    // A 5.x instance with encrypted fields of its own, sealed under its own secret.
    let box = a.home.file("box")
    try a.ok([
      "instance", "create", box, "--version", "5.1", "--sample-data", "5", "--seed", "3",
      "--hostname", "box", "--engine", engine,
    ])
    let fingerprint = { (dir: String) throws -> String in
      try MasterSecret.load(from: URL(fileURLWithPath: dir + "/secret.key")).fingerprint
    }
    let oldFingerprint = try fingerprint(box)
    let newFingerprint = try fingerprint(a.old)
    #expect(oldFingerprint != newFingerprint)

    let killed = try trsh(
      ["--instance", box, "secret", "upload", a.home.file("old.key"), "--yes"], home: a.home,
      environment: ["TRSH_FAULT_POINT": point])
    #expect(killed.status == 128 + SIGKILL || killed.status == SIGKILL, "\(killed.stderr)")

    let shown = try a.run(box, ["secret", "show"])
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stderr.contains("interrupted"), "\(shown.stderr)")
    #expect(shown.stderr.contains(finished ? "now finished" : "unchanged"), "\(shown.stderr)")
    let installed = finished ? newFingerprint : oldFingerprint
    #expect(shown.stdout.contains(installed), "\(shown.stdout)")
    #expect(try fingerprint(box) == installed)
    #expect(try Self.leftovers(box).isEmpty)

    // Every encrypted field opens under the installed secret.
    let secret = try MasterSecret.load(from: URL(fileURLWithPath: box + "/secret.key"))
    let boxURL = URL(fileURLWithPath: box)
    let store = try #require(StoreEngines.engine(holding: boxURL)).open(in: boxURL)
    defer { try? store.close() }
    let fields = try store.sealedFields()
    #expect(!fields.isEmpty)
    for field in fields { #expect(secret.decrypt(field.sealed).isReadable, "\(field.label)") }
    let state = try Self.status(a, box)["workflowState"] as? String
    #expect(state == (finished ? "secret-uploaded" : "fresh") || state == "live", "\(state ?? "")")

    // Not stuck: the upload runs again to its end.
    let again = try a.run(box, ["secret", "upload", a.home.file("old.key"), "--yes"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try fingerprint(box) == newFingerprint)
  }
}
