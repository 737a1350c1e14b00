/// Where an instance stands in the upgrade; derived from the facts a `Workflow` holds, never set directly.
public enum WorkflowState: String, Sendable, Codable, Equatable, CaseIterable {
  /// Alert sources are enabled and polling (an old appliance before the upgrade, or a new one at the end).
  case live
  /// Old appliance: no alert source is enabled any more, the upgrade backup is not complete yet.
  case sourcesDisabled = "sources-disabled"
  /// Old appliance: a backup made with sources disabled exists and the Master Secret was exported.
  case backedUp = "backed-up"
  /// Old appliance: retired for good; only `show`, `help` and `backup create` remain.
  case decommissioned
  /// New appliance: nothing uploaded yet.
  case fresh
  /// New appliance: the Master Secret is uploaded, the backup is not.
  case secretUploaded = "secret-uploaded"
  /// New appliance: the backup is uploaded, the Master Secret is not.
  case backupUploaded = "backup-uploaded"
  /// New appliance: both the Master Secret and the backup are uploaded, ready to restore.
  case uploaded
  /// New appliance: a restore is running.
  case restoring
  /// New appliance: the backup is restored and every encrypted field is readable.
  case restored
  /// New appliance: restored without encryption validation, and some encrypted fields could not be read.
  case restoredInconsistent = "restored-inconsistent"
  /// New appliance: at least one licence key is Installed.
  case licensed
  /// New appliance: the console settings were copied from the old layout.
  case settingsCopied = "settings-copied"
}
