extension WorkflowTable {
  /// What a row warns about before it lets the action run; the command layer words it.
  public enum Warning: String, Sendable, Codable, Equatable, CaseIterable {
    case oldSourcesMakeBackupStale
    case backupWithSourcesLive
    case changeAfterUpgradeBackup
    case copyUpgradeBackupFirst
    case decommissionDisablesSources
    case secretAfterRestore
    case secretReplaced
    case restoreAgain
    /// Two appliances must never poll the same sources: what is known of the old one's.
    case oldAppliancePolls
    /// As `oldAppliancePolls`, after `--force` with credentials still unreadable.
    case unreadableAndOldAppliancePolls
  }
}
