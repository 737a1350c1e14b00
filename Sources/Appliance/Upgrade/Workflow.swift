/// The upgrade workflow of one instance: its role and the facts recorded so far, from which the state is derived.
///
/// Facts change only through `apply(_:)` (setters are internal only because `apply` lives in
/// its own file), so the persisted value and the transition history
/// always agree. The state is computed rather than stored so that no combination of facts can
/// disagree with it (for example sources re-enabled after a backup).
public struct Workflow: Sendable, Codable, Equatable {
  public internal(set) var role: WorkflowRole
  /// At least one alert source of this appliance is enabled.
  public internal(set) var sourcesEnabled: Bool

  // Old role.
  /// A backup was made with every source disabled, and no source has been enabled since.
  public internal(set) var cleanBackupCreated: Bool
  /// A backup was forced while sources were enabled (it does not count for the upgrade).
  public internal(set) var forcedBackupCreated: Bool
  public internal(set) var secretExported: Bool
  public internal(set) var decommissioned: Bool

  // New role.
  public internal(set) var secretUploaded: Bool
  /// Services restart after a secret upload; a restore must wait for them.
  public internal(set) var servicesRestarting: Bool
  public internal(set) var backupUploaded: Bool
  /// The uploaded backup's sources-live flag: nil when the archive does not say.
  public internal(set) var backupSourcesLive: Bool?
  public internal(set) var restoring: Bool
  public internal(set) var restored: Bool
  /// False when the restore ran without encryption validation and left fields unreadable.
  public internal(set) var restoreConsistent: Bool
  public internal(set) var credentialsReentered: Bool
  public internal(set) var licensesInstalled: Bool
  public internal(set) var settingsCopied: Bool

  init(role: WorkflowRole, sourcesEnabled: Bool) {
    self.role = role
    self.sourcesEnabled = sourcesEnabled
    cleanBackupCreated = false
    forcedBackupCreated = false
    secretExported = false
    decommissioned = false
    secretUploaded = false
    servicesRestarting = false
    backupUploaded = false
    backupSourcesLive = nil
    restoring = false
    restored = false
    restoreConsistent = false
    credentialsReentered = false
    licensesInstalled = false
    settingsCopied = false
  }

  /// The workflow of an instance nothing has happened to yet: `live` or `sources-disabled` when old, `fresh` when new.
  public static func initial(role: WorkflowRole, sourcesEnabled: Bool) -> Workflow {
    Workflow(role: role, sourcesEnabled: sourcesEnabled)
  }

  /// True while the restore's unreadable fields have not all been re-entered.
  public var hasUnreadableFields: Bool {
    restored && !restoreConsistent && !credentialsReentered
  }

  /// The current state, derived from the role and the facts.
  public var state: WorkflowState {
    switch role {
    case .old:
      if decommissioned { return .decommissioned }
      if sourcesEnabled { return .live }
      return cleanBackupCreated && secretExported ? .backedUp : .sourcesDisabled
    case .new:
      if restoring { return .restoring }
      if restored {
        if sourcesEnabled { return .live }
        if settingsCopied { return .settingsCopied }
        if licensesInstalled { return .licensed }
        return hasUnreadableFields ? .restoredInconsistent : .restored
      }
      switch (secretUploaded, backupUploaded) {
      case (true, true): return .uploaded
      case (true, false): return .secretUploaded
      case (false, true): return .backupUploaded
      case (false, false): return .fresh
      }
    }
  }

  // Decoding tolerates missing facts (defaulting them as for a new instance) so a workflow
  // persisted by an older trsh still loads after a fact is added.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      role: try c.decode(WorkflowRole.self, forKey: .role),
      sourcesEnabled: try c.decodeIfPresent(Bool.self, forKey: .sourcesEnabled) ?? false)
    func flag(_ key: CodingKeys) throws -> Bool {
      try c.decodeIfPresent(Bool.self, forKey: key) ?? false
    }
    cleanBackupCreated = try flag(.cleanBackupCreated)
    forcedBackupCreated = try flag(.forcedBackupCreated)
    secretExported = try flag(.secretExported)
    decommissioned = try flag(.decommissioned)
    secretUploaded = try flag(.secretUploaded)
    servicesRestarting = try flag(.servicesRestarting)
    backupUploaded = try flag(.backupUploaded)
    backupSourcesLive = try c.decodeIfPresent(Bool.self, forKey: .backupSourcesLive)
    restoring = try flag(.restoring)
    restored = try flag(.restored)
    restoreConsistent = try flag(.restoreConsistent)
    credentialsReentered = try flag(.credentialsReentered)
    licensesInstalled = try flag(.licensesInstalled)
    settingsCopied = try flag(.settingsCopied)
  }
}
