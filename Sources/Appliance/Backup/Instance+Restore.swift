import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How `restore` runs.
public struct RestoreOptions {
  /// Refuse unless the secret matches and every encrypted field opens (the default).
  public var validateEncryption = true
  /// Bring the backup's system admin password hash across.
  public var restoreAdminPassword = false
  /// Do everything but the swap.
  public var dryRun = false
  /// Test hook: sleep for a long time at this stage (`extracted`, `migrated`, `finished`,
  /// `swapping`, `swapped`) so a test can kill the process there.
  public var pauseAt: String?
  /// Told the stage name just before pausing there.
  public var onPause: ((String) -> Void)?

  public init(
    validateEncryption: Bool = true, restoreAdminPassword: Bool = false, dryRun: Bool = false,
    pauseAt: String? = nil, onPause: ((String) -> Void)? = nil
  ) {
    self.onPause = onPause
    self.validateEncryption = validateEncryption
    self.restoreAdminPassword = restoreAdminPassword
    self.dryRun = dryRun
    self.pauseAt = pauseAt
  }
}

// `restore` and `restore status`.
extension Instance {
  var lastRestoreURL: URL { directory.appendingPathComponent("last-restore.json") }

  /// Restores a backup: the new database is built beside the live one (extracted, migrated,
  /// checked, adjusted) and renamed over it, so any failure, Ctrl-C or crash leaves either the
  /// old database or the complete new one. Validation failures are exit 4 and change nothing.
  public func restore(
    from url: URL, options: RestoreOptions, progress: (any ProgressSink)? = nil,
    cancel: (any Cancellation)? = nil
  ) throws -> RestoreReport {
    let header = try BackupArchive.readHeader(url)
    try checkBackupVersion(header)
    let secret = try secret()
    if options.validateEncryption && header.secretFingerprint != secret.fingerprint {
      throw ApplianceError.validation(
        "the backup was made with Master Secret \(header.secretFingerprint), but this instance"
          + " has \(secret.fingerprint): upload the old appliance's secret with 'secret upload'"
          + " (nothing was changed)")
    }
    let scratch = directory.appendingPathComponent("appliance.sqlite.restore-\(getpid())")
    Self.removeStaleRestores(in: directory)
    var swapped = false
    defer { if !swapped { Self.removeDatabaseFiles(scratch) } }

    _ = try BackupArchive.extract(
      url, to: scratch,
      progress: { done, total in progress?.progress(Int(done), of: Int(total), label: "restore") },
      isCancelled: { cancel?.isCancelled ?? false })
    pause(at: "extracted", options)
    try cancel?.check()
    let found = try SQLiteStore.migrateToCurrent(at: scratch)
    pause(at: "migrated", options)
    try cancel?.check()

    let restored = try SQLiteStore(url: scratch)
    let unreadable = try restored.sealedFields().filter { !secret.decrypt($0.sealed).isReadable }
      .map(\.label)
    let counts = try restored.tableCounts()
    try restored.checkpointAndClose()
    if options.validateEncryption && !unreadable.isEmpty {
      throw ApplianceError.validation(
        "\(unreadable.count) encrypted field(s) in the backup do not open under this instance's"
          + " Master Secret \(secret.fingerprint) (the backup names \(header.secretFingerprint)):"
          + " \(unreadable.joined(separator: ", ")); nothing was changed")
    }
    let live = try sqliteStore()
    let adminHash =
      options.restoreAdminPassword ? nil : try live.systemUser()?.passwordHash
    var report = RestoreReport(
      outcome: options.dryRun ? "dry-run" : "restored", backupFile: url.lastPathComponent,
      backupHost: header.hostname, backupVersion: header.applianceVersion,
      backupCreatedAt: header.createdAt, backupFingerprint: header.secretFingerprint,
      secretFingerprint: secret.fingerprint, migrated: found == .legacy,
      validated: options.validateEncryption, adminPasswordRestored: options.restoreAdminPassword,
      recordCounts: counts, unreadable: unreadable, finishedAt: ISOTime.now())
    if options.dryRun { return report }

    try SQLiteStore.finishRestore(
      at: scratch, live: databaseURL, adminPasswordHash: adminHash, unreadable: unreadable,
      restoredFrom: "\(header.hostname) \(header.applianceVersion) \(header.createdAt)")
    pause(at: "finished", options)
    try cancel?.check()

    // From here on the swap runs to its end: Ctrl-C is not looked at again.
    try live.checkpointAndClose()
    closeStore()
    pause(at: "swapping", options)
    try SQLiteStore.swapDatabase(scratch, over: databaseURL)
    swapped = true
    pause(at: "swapped", options)
    report.recordCounts = (try? sqliteStore().tableCounts()) ?? counts
    report.finishedAt = ISOTime.now()
    saveRestoreReport(report)
    return report
  }

  /// Records a failed restore for `restore status` (the instance itself is unchanged).
  public func recordFailedRestore(file: String, error: String) {
    let report = RestoreReport(
      outcome: "failed", backupFile: file, backupHost: "", backupVersion: "",
      backupCreatedAt: "", backupFingerprint: "",
      secretFingerprint: (try? secret().fingerprint) ?? "", migrated: false, validated: false,
      adminPasswordRestored: false, recordCounts: [:], unreadable: [], finishedAt: ISOTime.now(),
      error: error)
    saveRestoreReport(report)
  }

  /// `restore status`: the last restore's outcome, nil when none ran.
  public func lastRestore() -> RestoreReport? {
    guard let data = try? Data(contentsOf: lastRestoreURL) else { return nil }
    return try? JSONDecoder().decode(RestoreReport.self, from: data)
  }

  /// Fields a restore without validation left unreadable.
  public func unreadableFields() throws -> [String] {
    try sqliteStore().unreadableFields()
  }

  private func saveRestoreReport(_ report: RestoreReport) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    guard let data = try? encoder.encode(report) else { return }
    try? data.write(to: lastRestoreURL, options: .atomic)
  }

  private func pause(at stage: String, _ options: RestoreOptions) {
    guard options.pauseAt == stage else { return }
    options.onPause?(stage)
    sleep(3600)
  }

  /// Scratch databases of restores killed earlier (their process is gone).
  static func removeStaleRestores(in directory: URL) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix("appliance.sqlite.restore-") {
      let pidText = name.dropFirst("appliance.sqlite.restore-".count).prefix { $0.isNumber }
      if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
      unlink(directory.appendingPathComponent(name).path)
    }
  }
}
