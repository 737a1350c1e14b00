/// The upgrade workflow as one table, read top to bottom: per action, the event its success
/// records, then the rows that decide whether it may run now (the first row whose role, states
/// and conditions apply decides). `Workflow.decide(_:)` and the command layer's gate read it.
public enum WorkflowTable {
  // Shared rows. While a restore holds the instance only show and help run; a retired
  // appliance is kept only as the source of one last backup.
  static let whileRestoring = Row(
    .restoring, .refuse(.restoreInProgress, next: .here(.restoreStatus)))
  static let whenDecommissioned = Row(
    .decommissioned, .refuse(.decommissioned, next: .on(.new, .sameCommand)))
  // On the old appliance, changes made after the upgrade backup never reach the new one.
  static let afterUpgradeBackup = Row(.old(.backedUp), .warn(.changeAfterUpgradeBackup))

  public static let entries: [Entry] = [
    Entry(.show, records: .nothing, [Row(.anywhere, .allow)]),
    Entry(.help, records: .nothing, [Row(.anywhere, .allow)]),

    Entry(
      .disableSources, records: .sourcesDisabled,
      [
        whileRestoring, whenDecommissioned,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .enableSources, records: .event(.sourcesEnabled),
      [
        whileRestoring, whenDecommissioned,
        Row(.old(.live), .allow),
        Row(.old(.backedUp), if: [.forced], .warn(.oldSourcesMakeBackupStale)),
        Row(.old(.backedUp), .refuse(.enablingAbandonsUpgrade, next: .here(.enableSourcesForce))),
        Row(.old, .warn(.oldSourcesMakeBackupStale)),
        Row(.beforeRestore, .refuse(.sourcesBeforeRestore, next: .planNext)),
        Row(.new, if: [.unreadableFields, .forced], .warn(.unreadableAndOldAppliancePolls)),
        Row(
          .new, if: [.unreadableFields],
          .refuse(.unreadableFields, next: .here(.reenterCredentials))),
        Row(.new(.live), .allow),
        Row(.new, .warn(.oldAppliancePolls)),
      ]),

    Entry(
      .credentialsReenter, records: .credentialsReentered, when: .unreadableFields,
      [
        whileRestoring, whenDecommissioned, afterUpgradeBackup,
        Row(.anywhere, .allow),
      ]),

    // The only action a decommissioned appliance still allows.
    Entry(
      .backupCreate, records: .backupCreated,
      [
        whileRestoring,
        Row(.anywhere, if: [.sourcesEnabled, .forced], .warn(.backupWithSourcesLive)),
        Row(
          .anywhere, if: [.sourcesEnabled],
          .refuse(.sourcesWouldPollTwice, next: .here(.disableSources))),
        Row(.anywhere, .allow),
      ]),

    Entry(
      .backupUpload, records: .backupUploaded,
      [
        whileRestoring, whenDecommissioned,
        Row(.old, .refuse(.uploadIntoOldAppliance, next: .on(.new, .backupUpload))),
        Row(.new, .allow),
      ]),

    Entry(
      .backupDelete, records: .nothing,
      [
        whileRestoring, whenDecommissioned,
        Row(.old(.backedUp), .warn(.copyUpgradeBackupFirst)),
        Row(.anywhere, .allow),
      ]),

    Entry(
      .secretExport, records: .event(.secretExported),
      [
        whileRestoring, whenDecommissioned,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .secretUpload, records: .event(.secretUploaded), by: .operation,
      [
        whileRestoring, whenDecommissioned,
        Row(.old, .refuse(.uploadIntoOldAppliance, next: .on(.new, .secretUpload))),
        Row(.afterRestore, .warn(.secretAfterRestore)),
        Row(.new(.secretUploaded, .uploaded), .warn(.secretReplaced)),
        Row(.new, .allow),
      ]),

    Entry(
      .restore, records: .restore, by: .operation,
      [
        whileRestoring, whenDecommissioned,
        Row(.old, .refuse(.uploadIntoOldAppliance, next: .on(.new, .restore))),
        Row(.new(.live), .refuse(.restoreWhileLive, next: .here(.disableSources))),
        Row(
          .new, if: [.secretMissing, .backupMissing],
          .refuse(.restoreNeedsUploads, next: .here(.secretUpload))),
        Row(.new, if: [.secretMissing], .refuse(.restoreNeedsSecret, next: .here(.secretUpload))),
        Row(.new, if: [.backupMissing], .refuse(.restoreNeedsBackup, next: .here(.backupUpload))),
        Row(
          .new, if: [.servicesRestarting], .refuse(.servicesRestarting, next: .here(.showServices))),
        Row(.afterRestore, .warn(.restoreAgain)),
        Row(.new, .allow),
      ]),

    // A restore would undo a validation made before it: the keys arrive with the backup.
    Entry(
      .licenseValidate, records: .licenseInstalled,
      [
        whileRestoring, whenDecommissioned,
        Row(.beforeRestore, .refuse(.licencesBeforeRestore, next: .planNext)),
        Row(.anywhere, .allow),
      ]),

    // The licensing proxy's password is one of the secrets a restore may leave unreadable.
    Entry(
      .licenseEdit, records: .credentialsReentered, when: .unreadableFields,
      [
        whileRestoring, whenDecommissioned, afterUpgradeBackup,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .settingsExport, records: .nothing,
      [
        whileRestoring, whenDecommissioned,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .settingsCopy, records: .event(.settingsCopied),
      [
        whileRestoring, whenDecommissioned,
        Row(.old, .refuse(.settingsCopyOnOld, next: .on(.new, .settingsCopy))),
        Row(.beforeRestore, .refuse(.settingsBeforeRestore, next: .planNext)),
        Row(.new, .allow),
      ]),

    // Secret settings (the LDAP bind password, ...) may be left unreadable by a restore.
    Entry(
      .settingsEdit, records: .credentialsReentered, when: .unreadableFields,
      [
        whileRestoring, whenDecommissioned, afterUpgradeBackup,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .decommission, records: .event(.decommissioned),
      [
        whileRestoring, whenDecommissioned,
        Row(.old(.backedUp), .warn(.decommissionDisablesSources)),
        Row(.old, .refuse(.decommissionNeedsBackup, next: .planNext)),
        Row(.new, .refuse(.decommissionOnNew, next: .on(.old, .decommission))),
      ]),

    Entry(
      .instanceAdmin, records: .nothing,
      [
        whileRestoring, whenDecommissioned, afterUpgradeBackup,
        Row(.anywhere, .allow),
      ]),

    Entry(
      .other, records: .nothing,
      [
        whileRestoring, whenDecommissioned,
        Row(.anywhere, .allow),
      ]),
  ]
}
