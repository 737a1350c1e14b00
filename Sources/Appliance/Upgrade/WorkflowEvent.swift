/// What happened: applied with `Workflow.apply(_:)` after a command succeeded.
///
/// Events record facts, so they are never refused; an event that means nothing for the
/// instance's role (a restore on the old appliance, a decommission on the new one) is ignored.
public enum WorkflowEvent: Sendable, Codable, Equatable, Hashable {
  /// Sources were disabled; `all` is true when no enabled source remains.
  case sourcesDisabled(all: Bool)
  /// At least one source was enabled.
  case sourcesEnabled
  /// A backup was written; `sourcesLive` is true when sources were enabled (a forced backup).
  case backupCreated(sourcesLive: Bool)
  case secretExported
  /// The Master Secret was replaced; services are now restarting.
  case secretUploaded
  /// The services restarted by a secret upload are running again.
  case servicesReady
  /// A backup was uploaded; `sourcesLive` is the archive header's flag (nil when it has none).
  case backupUploaded(sourcesLive: Bool?)
  case restoreStarted
  /// A restore completed; `consistent` is false when some encrypted fields were left unreadable.
  case restoreFinished(consistent: Bool)
  /// A restore stopped (validation failure, Ctrl-C, bad archive); nothing changed.
  case restoreFailed
  /// The last field left unreadable by the restore has been re-entered.
  case credentialsReentered
  /// Licence validation left at least one key Installed.
  case licenseInstalled
  case settingsCopied
  case decommissioned

  /// The kebab-case name recorded in transitions and the audit log.
  public var name: String {
    switch self {
    case .sourcesDisabled: "sources-disabled"
    case .sourcesEnabled: "sources-enabled"
    case .backupCreated: "backup-created"
    case .secretExported: "secret-exported"
    case .secretUploaded: "secret-uploaded"
    case .servicesReady: "services-ready"
    case .backupUploaded: "backup-uploaded"
    case .restoreStarted: "restore-started"
    case .restoreFinished: "restore-finished"
    case .restoreFailed: "restore-failed"
    case .credentialsReentered: "credentials-reentered"
    case .licenseInstalled: "license-installed"
    case .settingsCopied: "settings-copied"
    case .decommissioned: "decommissioned"
    }
  }
}
