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

  public init(
    validateEncryption: Bool = true, restoreAdminPassword: Bool = false, dryRun: Bool = false
  ) {
    self.validateEncryption = validateEncryption
    self.restoreAdminPassword = restoreAdminPassword
    self.dryRun = dryRun
  }
}

// `restore` and `restore status`.
extension Instance {
  var lastRestoreURL: URL { directory.appendingPathComponent("last-restore.json") }
  /// Held (flock) by a running restore for its whole run.
  var restoreLockURL: URL { directory.appendingPathComponent("restore.lock") }
  /// Left by a running restore; removed once the workflow knows how it ended.
  var restoreMarkerURL: URL { directory.appendingPathComponent("restore.marker") }

  /// The half-built database of the restore run by process `pid`.
  static func scratchName(pid: Int32) -> String { "appliance.sqlite.restore-\(pid)" }

  /// What restoring `url` would replace, read from the live store and the archive's header,
  /// and whether the restore will refuse it anyway (then nobody need be asked to confirm).
  public func restoreImpact(of url: URL, options: RestoreOptions) throws -> RestoreImpact {
    try refuseOnClusterStandby("restore a backup")
    let header = try BackupArchive.readHeader(url)
    let newer = (try? checkBackupVersion(header)) == nil
    let fingerprint = try secret().fingerprint
    let mismatch = options.validateEncryption && header.secretFingerprint != fingerprint
    let now = try store().counts()
    return RestoreImpact(
      incidentsBefore: now.incidents, alertsBefore: now.alerts,
      incidentsAfter: header.recordCounts["incidents"] ?? 0,
      alertsAfter: header.recordCounts["alerts"] ?? 0,
      backupOrigin: "\(header.hostname) \(header.applianceVersion), backed up \(header.createdAt)",
      willBeRefused: newer || mismatch)
  }

  /// Restores a backup: the new database is built beside the live one (extracted, migrated,
  /// checked, adjusted) and renamed over it, so any failure, Ctrl-C or crash leaves either the
  /// old database or the complete new one. Validation failures are exit 4 and change nothing.
  ///
  /// A real restore holds the restore lock and leaves `restore.marker` for its whole run, and
  /// reports its stages to the workflow gate's `record` (`restoreStarted`, then
  /// `restoreFinished` or `restoreFailed`; the workflow table names their events) while it
  /// holds them: a process that later finds the marker with the lock free knows the restorer
  /// died and recovers (`recoverInterruptedOperations`).
  public func restore(
    from url: URL, options: RestoreOptions, progress: (any ProgressSink)? = nil,
    cancel: (any Cancellation)? = nil, record: (WorkflowOutcome) throws -> Void = { _ in }
  ) throws -> RestoreReport {
    try refuseOnClusterStandby("restore a backup")
    if options.dryRun {
      return try performRestore(
        from: url, options: options, restoreId: "dry-run", progress: progress, cancel: cancel)
    }
    guard let lock = try FileLock.tryAcquire(restoreLockURL) else {
      throw ApplianceError.refused("another restore is running on this instance")
    }
    defer { lock.release() }
    // A marker left by a dead restorer is cleaned up first (we hold the lock, so it is dead).
    if FileManager.default.fileExists(atPath: restoreMarkerURL.path) {
      try recoverRestore(lockHeld: true)
    }
    let restoreId = UUID().uuidString.lowercased()
    let marker = RestoreMarker(
      restoreId: restoreId, pid: getpid(), startedAt: ISOTime.now(),
      backupFile: url.lastPathComponent, scratchName: Self.scratchName(pid: getpid()))
    try marker.save(to: restoreMarkerURL)
    let report: RestoreReport
    do {
      try record(.restoreStarted)
      report = try performRestore(
        from: url, options: options, restoreId: restoreId, progress: progress, cancel: cancel)
    } catch {
      let message = (error as? ApplianceError)?.message ?? String(describing: error)
      recordFailedRestore(file: url.lastPathComponent, error: message)
      try? record(.restoreFailed)
      DurableFile.remove(restoreMarkerURL)
      throw error
    }
    // Past the swap: should recording fail, the marker stays and the next process finishes.
    try record(.restoreFinished(consistent: report.consistent))
    DurableFile.remove(restoreMarkerURL)
    return report
  }

  /// The restore proper, without the lock, marker or workflow bookkeeping.
  private func performRestore(
    from url: URL, options: RestoreOptions, restoreId: String, progress: (any ProgressSink)?,
    cancel: (any Cancellation)?
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
    let scratch = directory.appendingPathComponent(Self.scratchName(pid: getpid()))
    Self.removeStaleRestores(in: directory)
    var swapped = false
    defer { if !swapped { Self.removeDatabaseFiles(scratch) } }

    // Not synced here: the swap syncs it before the rename. A current file goes straight to
    // the disk: nothing reads most of it again here. A legacy file stays in the cache, not even
    // written back yet: the migration is about to rewrite most of its pages. A body an engine
    // loads into its own database stays in the cache for that one read, and is never written.
    let engine = try engine()
    let loaded = engine.loadsArchiveBody
    let legacy = header.schemaVersion < SchemaGeneration.current.schemaVersion
    _ = try BackupArchive.extract(
      url, to: scratch, durable: false, writes: legacy || loaded ? .cached : .direct,
      progress: { done, total in progress?.progress(Int(done), of: Int(total), label: "restore") },
      isCancelled: { cancel?.isCancelled ?? false })
    FaultInjection.reached("restore.after-extract")
    try cancel?.check()
    let body = try StoreEngines.bodyFormat()
    // An engine that loads the body migrates a 4.x body while loading it (`prepareRestored`).
    let found = loaded ? try body.generation(at: scratch) : try body.migrateToCurrent(at: scratch)
    let unmigrated = loaded && found == .legacy
    // The disk writes the migrated file while the checks below read it from the cache. (Writing
    // back during the migration too was no faster: it wrote pages the migration then rewrote.)
    if found == .legacy && !loaded { BackupFileDescriptor.startWriteback(ofFileAt: scratch.path) }
    FaultInjection.reached("restore.after-migrate")
    try cancel?.check()

    // The archive's digest proved these are the very bytes the header's counts were taken on:
    // only tables the migration changed or created are counted (a million alerts are not).
    let inspected = try body.inspect(
      at: scratch,
      counting: header.recordCounts.filter {
        found == .current || !body.tablesRecountedAfterMigration.contains($0.key)
      })
    var counts = inspected.counts
    var sealed = inspected.sealed
    if unmigrated {
      // What the migration will make of them: the 4.x settings become `legacy_settings`, and
      // the 5.x `settings` and `uploads` start empty.
      counts["legacy_settings"] = counts.removeValue(forKey: "settings") ?? 0
      counts["settings"] = 0
      counts["uploads"] = 0
      sealed = sealed.map { field in
        var field = field
        if field.kind == .setting { field.kind = .legacySetting }
        return field
      }
    }
    // The backup's own 5.x settings are replaced by this instance's (see `prepareRestored`):
    // they neither need to open nor must be re-entered. 4.x settings are kept for `settings copy`.
    let unreadable =
      sealed
      .filter { $0.kind != .setting && !secret.decrypt($0.sealed).isReadable }
      .map(\.label)
    if options.validateEncryption && !unreadable.isEmpty {
      throw ApplianceError.validation(
        "\(unreadable.count) encrypted field(s) in the backup do not open under this instance's"
          + " Master Secret \(secret.fingerprint) (the backup names \(header.secretFingerprint)):"
          + " \(unreadable.joined(separator: ", ")); nothing was changed")
    }
    let live = try store()
    let adminHash =
      options.restoreAdminPassword ? nil : try live.systemUser()?.passwordHash
    var report = RestoreReport(
      outcome: options.dryRun ? "dry-run" : "restored", backupFile: url.lastPathComponent,
      backupHost: header.hostname, backupVersion: header.applianceVersion,
      backupCreatedAt: header.createdAt, backupFingerprint: header.secretFingerprint,
      secretFingerprint: secret.fingerprint, migrated: found == .legacy,
      validated: options.validateEncryption, adminPasswordRestored: options.restoreAdminPassword,
      recordCounts: counts, unreadable: unreadable, finishedAt: ISOTime.now(),
      restoreId: options.dryRun ? nil : restoreId)
    if options.dryRun { return report }

    try engine.prepareRestored(
      body: scratch, in: directory,
      carryOver: RestoreCarryOver(
        adminPasswordHash: adminHash, unreadable: unreadable,
        restoredFrom: "\(header.hostname) \(header.applianceVersion) \(header.createdAt)",
        restoreId: restoreId), cancel: cancel)
    try cancel?.check()

    // From here on the swap runs to its end: Ctrl-C is not looked at again.
    try live.close()
    closeStore()
    FaultInjection.reached("restore.before-swap")
    try engine.swapInRestored(body: scratch, in: directory)
    swapped = true
    FaultInjection.reached("restore.after-swap")
    // Recounting only what finishRestore touched spares a scan of a million alerts.
    if let changed = try? store().tableCounts(of: engine.tablesRecountedAfterRestore) {
      report.recordCounts.merge(changed) { _, new in new }
    }
    report.finishedAt = ISOTime.now()
    saveRestoreReport(report)
    FaultInjection.reached("restore.after-report")
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
    try store().unreadableFields()
  }

  func saveRestoreReport(_ report: RestoreReport) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    guard let data = try? encoder.encode(report) else { return }
    try? PrivateFiles.write(data, to: lastRestoreURL)
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
