import Appliance

// The wording of the workflow table's warnings: the command layer's, since it names commands.
extension WorkflowTable.Warning {
  /// The warning's text; the old appliance's sources are described from `workflow`'s facts.
  public func text(in workflow: Workflow) -> String {
    switch self {
    case .oldSourcesMakeBackupStale:
      "alert sources enabled on the old appliance make any upgrade backup stale and race the"
        + " new appliance: disable them again and make a new backup before going on"
    case .backupWithSourcesLive:
      "backing up with alert sources enabled: the backup records that sources were live, and"
        + " the appliance it is restored on must not enable its sources while this one polls"
    case .changeAfterUpgradeBackup:
      "the upgrade backup is already made: changes made here now will not reach the new appliance"
    case .copyUpgradeBackupFirst:
      "make sure the upgrade backup has been copied off this appliance first"
    case .decommissionDisablesSources:
      "decommissioning disables every alert source for good: check first that the new"
        + " appliance's data, configuration and licences match"
    case .secretAfterRestore:
      "the backup is already restored: a new Master Secret re-encrypts this instance's"
        + " fields and restarts all services; fields left unreadable stay unreadable"
    case .secretReplaced:
      "a Master Secret is already uploaded: this one replaces it and restarts all services again"
    case .restoreAgain:
      "restoring again replaces this instance's data, including licences validated and"
        + " settings copied since the last restore"
    case .oldAppliancePolls: Self.oldSources(backupSourcesLive: workflow.backupSourcesLive)
    case .unreadableAndOldAppliancePolls:
      "sources with unreadable credentials will fail to poll until they are re-entered; "
        + Self.oldSources(backupSourcesLive: workflow.backupSourcesLive)
    }
  }

  /// What the uploaded backup says of the old appliance's sources (nil: it does not say).
  private static func oldSources(backupSourcesLive: Bool?) -> String {
    switch backupSourcesLive {
    case true?:
      "the backup was made with alert sources enabled: make sure the old appliance's sources"
        + " are disabled before enabling these"
    case false?:
      "the backup was made with the old appliance's alert sources disabled: make sure they are"
        + " still disabled there before enabling these"
    case nil:
      "it is not known whether the old appliance's alert sources were disabled when the backup"
        + " was made: make sure they are disabled before enabling these"
    }
  }
}
