import Foundation
import TestSupport
import Testing

@testable import Appliance

/// Recovery from restores whose process is gone, through the domain API (the SIGKILL cases
/// run end to end in CrashRecoveryEndToEndTests).
@Suite(.engines) struct RestoreRecoveryTests {
  /// A workflow left `restoring` with no marker and no lock holder (a restorer that died before
  /// writing its marker, or an older trsh) is recovered as a failed restore on the next read.
  @Test func restoringWithoutMarkerIsRecoveredAsFailed() throws {
    try TemporaryDirectory.with { dir in
      let created = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 2, hostname: "newbox")
      try created.recordWorkflow(.restoreStarted, command: "restore", user: "test")
      let before = try created.store().tableDigests()["incidents"]
      created.closeStore()

      let instance = try Instance.open(at: created.directory, createIfMissing: false)
      #expect(try instance.workflow().state == .fresh)
      #expect(instance.takeNotices().contains { $0.contains("interrupted") })
      #expect(instance.takeNotices().isEmpty)
      let report = try #require(instance.lastRestore())
      #expect(report.outcome == "interrupted" && report.liveData == "old")
      #expect(try instance.store().tableDigests()["incidents"] == before)
    }
  }

  /// While another holder has the restore lock, a marker is left alone (the restorer lives).
  @Test func markerWithLockHeldIsLeftAlone() throws {
    try TemporaryDirectory.with { dir in
      let created = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 2, hostname: "newbox")
      let marker = RestoreMarker(
        restoreId: "alive", pid: getpid(), startedAt: ISOTime.now(), backupFile: "b.trbk",
        scratchName: Instance.scratchName(pid: getpid()))
      try marker.save(to: created.restoreMarkerURL)
      try created.recordWorkflow(.restoreStarted, command: "restore", user: "test")
      let lock = try #require(try FileLock.tryAcquire(created.restoreLockURL))

      let opened = try Instance.open(at: created.directory, createIfMissing: false)
      #expect(opened.takeNotices().isEmpty)
      #expect(try opened.workflow().state == .restoring)
      #expect(RestoreMarker.load(from: created.restoreMarkerURL) == marker)

      lock.release()
      let later = try Instance.open(at: created.directory, createIfMissing: false)
      #expect(later.takeNotices().count == 1)
      #expect(try later.workflow().state == .fresh)
      #expect(!FileManager.default.fileExists(atPath: created.restoreMarkerURL.path))
      #expect(later.lastRestore()?.liveData == "old")
    }
  }
}
