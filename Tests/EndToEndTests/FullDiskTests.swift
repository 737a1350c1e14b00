import Appliance
import Foundation
import TestSupport
import Testing

/// A disk that fills up half-way through a large write, made real with a file-size limit
/// (`ulimit -f`): the kernel refuses the write that would grow a file past it, as it does when
/// the disk is full. The command must fail with a clear message and leave nothing behind.
@Suite(.engines) struct FullDiskTests {
  /// Runs trsh under `ulimit -f` (in KiB, as bash counts it).
  static func trshLimited(
    toKiB limit: Int, _ arguments: [String], home: TempDir
  ) throws -> RunResult {
    let env = [
      "HOME": home.path, "XDG_STATE_HOME": home.file("state"), "XDG_DATA_HOME": home.file("data"),
      "XDG_CONFIG_HOME": home.file("config"),
    ]
    return try run(
      "/bin/bash", ["-c", "ulimit -f \(limit) && exec \"$0\" \"$@\"", Binaries.trsh] + arguments,
      environment: env, directory: home.path)
  }

  static func fileSize(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
  }

  static func names(in directory: String) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: directory))
  }

  @Test func backupThatDoesNotFitLeavesNoFileAndTheInstanceAsItWas() throws {
    let a = try BackupRestoreEndToEndTests.Appliances(sample: 400)
    #expect(try a.run(a.old, ["alert-source", "disable", "--all"]).status == 0)
    // The backup's snapshot of the database is the first large file it writes.
    let limit = try Self.fileSize(a.old + "/appliance.sqlite") / 2048
    try #require(limit > 64)
    let before = try CrashRecoveryEndToEndTests.digests(a.old)
    let backups = try Self.names(in: a.home.path)
    let instanceFiles = try Self.names(in: a.old)

    let full = try Self.trshLimited(
      toKiB: limit, ["--instance", a.old, "backup", "create", "--output", a.home.file("b.trbk")],
      home: a.home)
    #expect(full.status != 0)
    #expect(full.stderr.contains("cannot snapshot the database into"), "\(full.stderr)")
    #expect(full.stderr.contains("File too large"), "\(full.stderr)")
    #expect(try Self.names(in: a.home.path) == backups, "a partial archive was left behind")
    #expect(try CrashRecoveryEndToEndTests.digests(a.old) == before)
    #expect(try Self.names(in: a.old) == instanceFiles, "a snapshot was left behind")
  }

  /// A 4.x backup is extracted through the page cache, a 5.x one straight to the disk.
  @Test(arguments: ["4.6", "5.1"], TestEngines.all)
  func restoreThatDoesNotFitChangesNothingAndCanBeRetried(oldVersion: String, engine: String)
    throws
  {
    let a = try BackupRestoreEndToEndTests.Appliances(
      sample: 400, oldVersion: oldVersion, engine: engine)
    try a.backUpOld()
    #expect(try a.run(a.new, ["secret", "upload", a.home.file("old.key"), "--yes"]).status == 0)
    #expect(try a.run(a.new, ["backup", "upload", a.home.file("old.trbk")]).status == 0)
    // Room for the archive and the new instance's own files, not for the restored database.
    let archive = try Self.fileSize(a.home.file("old.trbk"))
    let restored = try Self.fileSize(a.old + "/appliance.sqlite")
    let limit = (archive + restored) / 2 / 1024
    try #require(limit * 1024 > archive && limit * 1024 < restored, "\(archive) \(restored)")
    let before = try CrashRecoveryEndToEndTests.digests(a.new)
    let files = try Self.names(in: a.new)

    let full = try Self.trshLimited(
      toKiB: limit, ["--instance", a.new, "restore", "--yes"], home: a.home)
    #expect(full.status != 0)
    #expect(full.stderr.contains("appliance.sqlite.restore-"), "\(full.stderr)")
    #expect(full.stderr.contains("File too large"), "\(full.stderr)")
    #expect(try CrashRecoveryEndToEndTests.digests(a.new) == before)
    let left = try Self.names(in: a.new).subtracting(files)
    #expect(left.isSubset(of: ["last-restore.json", "restore.lock"]), "left behind: \(left)")
    let status = try a.run(a.new, ["restore", "status"])
    #expect(status.stdout.contains("FAILED"), "\(status.stdout)")
    #expect(status.stdout.contains("File too large"), "\(status.stdout)")

    // With room again, the same restore goes through.
    let retried = try a.run(a.new, ["restore", "--yes"])
    #expect(retried.status == 0, "\(retried.stderr)")
    #expect(try a.count(a.new, "alerts") == a.count(a.old, "alerts"))
  }
}
