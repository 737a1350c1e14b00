import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Recovery from a restore or a secret upload whose process died (SIGKILL, power cut): each
// holds a lock file for its whole run and leaves a marker or journal; a later process that
// finds one with the lock free knows the owner is gone, decides from evidence in the database
// what had happened, finishes or rolls back, and leaves a notice for the commands layer.
extension Instance {
  /// What the workflow history names as the command of a transition recovery records.
  static func recoveryCommand(_ what: String) -> String { "(recovery of an interrupted \(what))" }

  var secretLockURL: URL { directory.appendingPathComponent("secret.lock") }
  var secretJournalURL: URL { directory.appendingPathComponent("secret-upload.journal") }
  var stagedSecretURL: URL { directory.appendingPathComponent("secret.key.staged") }

  /// Run when the instance is opened. Never throws: a recovery that cannot complete leaves its
  /// marker for the next process and says why in a notice.
  func recoverInterruptedOperations() {
    let fm = FileManager.default
    if fm.fileExists(atPath: secretJournalURL.path) {
      do {
        try recoverSecretUpload(lockHeld: false)
      } catch {
        addNotice("cannot finish the interrupted secret upload yet: \(Self.describe(error))")
      }
    }
    if fm.fileExists(atPath: restoreMarkerURL.path) {
      do {
        try recoverRestore(lockHeld: false)
      } catch {
        addNotice("cannot clean up after the interrupted restore yet: \(Self.describe(error))")
      }
    }
  }

  // MARK: restore

  /// Cleans up after a dead restorer: decides whether its swap happened (the live database
  /// carries its restore id), records `restoreFinished` or `restoreFailed`, saves an
  /// `interrupted` report and removes the half-built database and the marker. Does nothing
  /// while the restorer is alive (it holds the lock).
  func recoverRestore(lockHeld: Bool) throws {
    var lock: FileLock?
    if !lockHeld {
      guard let taken = try FileLock.tryAcquire(restoreLockURL) else { return }
      lock = taken
    }
    defer { lock?.release() }
    // Another process may have recovered between our look and our lock.
    guard FileManager.default.fileExists(atPath: restoreMarkerURL.path) else { return }
    let marker = RestoreMarker.load(from: restoreMarkerURL)
    if let marker {
      Self.removeDatabaseFiles(directory.appendingPathComponent(marker.scratchName))
    }
    Self.removeStaleRestores(in: directory)

    let store = try store()
    let liveId = try store.metaValue("restore_id")
    let swapped = marker != nil && liveId == marker?.restoreId
    let who = marker.map { "the restoring process (pid \($0.pid))" } ?? "a restoring process"
    var report: RestoreReport
    let stage: WorkflowOutcome
    if swapped, let marker {
      let unreadable = try store.unreadableFields()
      // The restorer died before saving its report: the restored database says where it came
      // from ("host version created-at") and whether it was migrated.
      let from =
        (try store.metaValue("restored_from"))?.split(separator: " ").map(String.init)
        ?? []
      let migrated = try store.meta().migratedFrom != nil
      report =
        lastRestore().flatMap { $0.restoreId == marker.restoreId ? $0 : nil }
        ?? RestoreReport(
          outcome: "interrupted", backupFile: marker.backupFile,
          backupHost: from.count == 3 ? from[0] : "", backupVersion: from.count == 3 ? from[1] : "",
          backupCreatedAt: from.count == 3 ? from[2] : "", backupFingerprint: "",
          secretFingerprint: (try? secret().fingerprint) ?? "",
          migrated: migrated, validated: unreadable.isEmpty,
          adminPasswordRestored: false, recordCounts: [:], unreadable: unreadable, finishedAt: "",
          restoreId: marker.restoreId)
      report.unreadable = unreadable
      report.recordCounts = try store.tableCounts()
      report.error =
        "\(who) died after the restored database was swapped in: the restored data is live"
        + " and complete"
      report.liveData = "new"
      stage = .restoreFinished(consistent: unreadable.isEmpty)
    } else {
      report = RestoreReport(
        outcome: "interrupted", backupFile: marker?.backupFile ?? "", backupHost: "",
        backupVersion: "", backupCreatedAt: "", backupFingerprint: "",
        secretFingerprint: (try? secret().fingerprint) ?? "", migrated: false, validated: false,
        adminPasswordRestored: false, recordCounts: [:], unreadable: [], finishedAt: "",
        error: "\(who) died before the swap: the instance holds its data from before the restore",
        restoreId: marker?.restoreId, liveData: "old")
      stage = .restoreFailed
    }
    report.outcome = "interrupted"
    report.finishedAt = ISOTime.now()
    saveRestoreReport(report)
    try recordWorkflow(
      .restore, outcome: stage, command: Self.recoveryCommand("restore"),
      user: SystemIdentity.userName(environment: ProcessInfo.processInfo.environment))
    DurableFile.remove(restoreMarkerURL)
    addNotice(
      swapped
        ? "an earlier restore was interrupted after its new data was swapped in: the restored"
          + " data is live and complete (see 'restore status')"
        : "an earlier restore was interrupted before it changed anything: the instance holds its"
          + " old data; run 'restore' again (see 'restore status')")
  }

  /// For `workflow()`: true when the saved workflow says `restoring` but no restorer is alive
  /// and none left a marker (it died before writing one, or an older trsh ran it). The caller
  /// then records `restoreFailed`: without a marker no swap can have happened.
  func restoringWithoutRestorer() throws -> Bool {
    guard !FileManager.default.fileExists(atPath: restoreMarkerURL.path),
      let lock = try FileLock.tryAcquire(restoreLockURL)
    else { return false }
    lock.release()
    return true
  }

  /// The `interrupted` report and notice for `restoringWithoutRestorer`.
  func reportRestoreWithoutRestorer() {
    saveRestoreReport(
      RestoreReport(
        outcome: "interrupted", backupFile: "", backupHost: "", backupVersion: "",
        backupCreatedAt: "", backupFingerprint: "",
        secretFingerprint: (try? secret().fingerprint) ?? "", migrated: false, validated: false,
        adminPasswordRestored: false, recordCounts: [:], unreadable: [], finishedAt: ISOTime.now(),
        error: "a restore was left running by a process that is gone; it changed nothing",
        liveData: "old"))
    addNotice(
      "an earlier restore was interrupted before it changed anything: the instance holds its"
        + " old data (see 'restore status')")
  }

  // MARK: secret upload

  /// Finishes or rolls back a secret upload whose process died: when the database recorded
  /// (in the re-encryption's own transaction) that its fields are sealed under the new
  /// secret, the staged secret is installed; otherwise the staged secret is discarded and the
  /// old one stays. Does nothing while the uploader is alive (it holds the lock).
  func recoverSecretUpload(lockHeld: Bool) throws {
    var lock: FileLock?
    if !lockHeld {
      guard let taken = try FileLock.tryAcquire(secretLockURL) else { return }
      lock = taken
    }
    defer { lock?.release() }
    guard FileManager.default.fileExists(atPath: secretJournalURL.path) else { return }
    guard let journal = SecretUploadJournal.load(from: secretJournalURL) else {
      // Written by rename, so never torn: an unreadable journal needs a person.
      throw ApplianceError.failed("\(secretJournalURL.path) cannot be read")
    }
    let sealedUnder = try store().metaValue("sealed_under")
    guard sealedUnder == journal.newFingerprint else {
      unlink(stagedSecretURL.path)
      DurableFile.remove(secretJournalURL)
      addNotice(
        "an earlier 'secret upload' was interrupted before it re-encrypted anything: the Master"
          + " Secret is unchanged (\(journal.oldFingerprint)); run 'secret upload' again")
      return
    }
    if FileManager.default.fileExists(atPath: stagedSecretURL.path) {
      let staged = try MasterSecret.load(from: stagedSecretURL)
      guard staged.fingerprint == journal.newFingerprint else {
        throw ApplianceError.failed(
          "the staged Master Secret is not the one the interrupted upload journalled")
      }
      try installStagedSecret(stagedSecretURL, secret: staged)
    } else {
      // Renamed into place before the process died: nothing left to install.
      forgetSecret()
      guard try secret().fingerprint == journal.newFingerprint else {
        throw ApplianceError.failed(
          "the fields are sealed under \(journal.newFingerprint) but that secret is missing")
      }
    }
    try restartServices(seconds: Self.serviceRestartSeconds)
    try recordWorkflow(
      .secretUpload, outcome: .done, command: Self.recoveryCommand("secret upload"),
      user: SystemIdentity.userName(environment: ProcessInfo.processInfo.environment))
    DurableFile.remove(secretJournalURL)
    addNotice(
      "an earlier 'secret upload' was interrupted after it re-encrypted the fields: it is now"
        + " finished, Master Secret \(journal.newFingerprint) is installed and services restart")
  }

  private static func describe(_ error: any Error) -> String {
    (error as? ApplianceError)?.message ?? String(describing: error)
  }
}
