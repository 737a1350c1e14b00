import Appliance

// The wording of the workflow table's refusals: the command layer's, since it names commands.
extension WorkflowTable.Reason {
  /// The reason as the admin reads it after "refused in state '...': ".
  public var text: String {
    switch self {
    case .restoreInProgress:
      "a restore is in progress and only show and help may run until it finishes"
    case .decommissioned:
      "this appliance is decommissioned: only show, help and backup create remain"
    case .sourcesWouldPollTwice:
      // Two appliances polling the same sources duplicate alerts and skew quarantine reports.
      "alert sources are enabled, so the old and the new appliance would both poll them;"
        + " disable them, or use backup create --force to record a backup with sources live"
    case .enablingAbandonsUpgrade:
      "the upgrade backup is made: enabling sources here makes it stale and lets both"
        + " appliances poll them; use --force to abandon the upgrade"
    case .uploadIntoOldAppliance:
      "this is the old appliance being upgraded away from: uploading or restoring into it"
        + " mid-upgrade would overwrite the data and Master Secret being migrated"
    case .settingsCopyOnOld:
      "settings copy writes the 5.x layout and belongs on the new appliance"
    case .decommissionNeedsBackup:
      "decommissioning needs a backup made with alert sources disabled and an exported Master Secret"
    case .decommissionOnNew:
      "this is the new appliance: decommission the old one once this one is checked"
    case .sourcesBeforeRestore:
      "alert sources stay disabled until the backup is restored, which brings the migrated"
        + " sources"
    case .unreadableFields:
      "the restore ran without encryption validation and left encrypted fields unreadable"
        + " (show status lists them); re-enter them first (secret settings with settings set),"
        + " or use --force"
    case .licencesBeforeRestore:
      "the licence keys arrive with the backup: validate them after the restore, which would"
        + " undo a validation made now"
    case .settingsBeforeRestore:
      "the restore replaces this instance's settings: copy them after the restore"
    case .restoreWhileLive:
      "the appliance is live: restoring now would discard every incident received since the"
        + " last restore"
    case .restoreNeedsUploads: "restore needs an uploaded Master Secret and an uploaded backup"
    case .restoreNeedsSecret: "restore needs an uploaded Master Secret"
    case .restoreNeedsBackup: "restore needs an uploaded backup"
    case .servicesRestarting:
      "services are restarting after the Master Secret upload; wait until they run"
    }
  }
}
