import Foundation

// The read and toggle operations the `show`, `instance` and `alert-source` commands call.
extension Instance {
  /// `show version`.
  public func versionInfo() throws -> VersionInfo {
    let store = try store()
    let token = try store.changeToken()
    if let cached = versionCache.value(for: token) { return cached }
    let meta = try store.meta()
    let info = VersionInfo(
      applianceVersion: meta.applianceVersion, schemaVersion: meta.schemaVersion,
      generation: store.generation)
    versionCache.store(info, for: token)
    return info
  }

  /// `show status`.
  ///
  /// Cached until the store changes (see `StoreChangeToken`) or the secret is replaced: a
  /// runbook asks for it often, and counting a million alerts each time would be slow.
  public func status() throws -> StatusSummary {
    let store = try store()
    let token = try store.changeToken()
    if let cached = statusCache.value(for: token) { return cached }
    let summary = try freshStatus(store)
    // Keyed by the token read before: anything committed since makes the next call recompute,
    // so a summary is never served older than the data (the workflow saving its baseline
    // here costs one recomputation).
    statusCache.store(summary, for: token)
    return summary
  }

  private func freshStatus(_ store: any ApplianceStore) throws -> StatusSummary {
    let meta = try store.meta()
    let counts = try store.counts()
    return StatusSummary(
      hostname: meta.hostname, applianceVersion: meta.applianceVersion,
      schemaVersion: meta.schemaVersion, instancePath: directory.path,
      incidents: counts.incidents, alerts: counts.alerts,
      alertSourcesTotal: counts.alertSourcesTotal, alertSourcesEnabled: counts.alertSourcesEnabled,
      licenses: counts.licenses, secretFingerprint: try secret().fingerprint,
      workflowState: try workflow().state.rawValue,
      mustReenter: try unreadableFields().nilIfEmpty)
  }

  /// The services `show services` lists.
  public static let serviceNames = [
    "database", "web console", "alert poller", "incident matcher", "quarantine", "licensing",
  ]

  /// `show services`: all running, or restarting until the marker a secret upload set has passed.
  public func services(now: Date = Date()) throws -> [ServiceStatus] {
    let until = try store().servicesRestartingUntil()
    let restarting = until.flatMap(ISOTime.parse).map { $0 > now } ?? false
    // The database answers the query above; a server the instance runs itself is asked too.
    let database = (try? engine().serviceState(in: directory)) ?? nil
    return Self.serviceNames.map {
      if $0 == "database" { return ServiceStatus(name: $0, state: database ?? .running) }
      return restarting
        ? ServiceStatus(name: $0, state: .restarting, restartingUntil: until)
        : ServiceStatus(name: $0, state: .running)
    }
  }

  /// Marks the services as restarting for `seconds` (what a Master Secret upload does).
  public func restartServices(seconds: Int, now: Date = Date()) throws {
    // A database server of the instance's own really restarts (its connections with it).
    if try engine().serviceState(in: directory) != nil {
      closeStore()
      try engine().restartService(in: directory)
    }
    try store().setServicesRestartingUntil(
      ISOTime.string(now.addingTimeInterval(TimeInterval(seconds))))
  }

  /// `instance info`.
  public func info() throws -> InstanceInfo {
    let store = try store()
    let meta = try store.meta()
    let fm = FileManager.default
    let engine = try engine()
    let databaseBytes = engine.databaseBytes(in: directory)
    return InstanceInfo(
      path: directory.path, instanceId: meta.instanceId, hostname: meta.hostname,
      applianceVersion: meta.applianceVersion, schemaVersion: meta.schemaVersion,
      generation: store.generation, createdAt: meta.createdAt, migratedFrom: meta.migratedFrom,
      databaseBytes: databaseBytes,
      backups: (try? fm.contentsOfDirectory(atPath: backupsDirectory.path))?.count ?? 0,
      uploads: (try? fm.contentsOfDirectory(atPath: uploadsDirectory.path))?.count ?? 0,
      secretFingerprint: try secret().fingerprint, tables: try store.tableCounts(),
      engine: engine.name)
  }

  private func info(for source: AlertSource, secret: MasterSecret) -> AlertSourceInfo {
    AlertSourceInfo(
      name: source.name, type: source.type, enabled: source.enabled,
      pollIntervalSeconds: source.pollIntervalSeconds,
      credentialsSet: source.sealedCredentials != nil,
      credentialsReadable: source.sealedCredentials.map { secret.decrypt($0).isReadable } ?? false)
  }

  /// `alert-source list`.
  public func alertSourceInfos() throws -> [AlertSourceInfo] {
    let secret = try secret()
    return try store().alertSources().map { info(for: $0, secret: secret) }
  }

  /// `alert-source show NAME`; an unknown name is a usage error listing the known ones.
  public func alertSourceInfo(named name: String) throws -> AlertSourceInfo {
    let store = try store()
    let exact = try AlertSourceName.match(name, in: try store.alertSourceNames())
    guard let source = try store.alertSource(named: exact) else {
      throw ApplianceError.usage("no alert source named '\(name)'")
    }
    return info(for: source, secret: try secret())
  }

  /// `alert-source enable|disable NAME...` (`names: nil` for `--all`); returns every source touched.
  public func setAlertSources(enabled: Bool, names: [String]?) throws -> [AlertSourceChange] {
    try store().setAlertSources(enabled: enabled, names: names)
  }

  /// Alert source names for completion; empty (never an error) when the instance cannot be read.
  public func alertSourceNames() -> [String] {
    (try? store().alertSourceNames()) ?? []
  }
}

extension Array {
  fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
