extension Workflow {
  /// Whether `action` may run now; the shell asks before acting and exits 3 on a refusal.
  public func decide(_ action: WorkflowAction) -> Decision {
    let state = self.state
    switch action {
    case .show, .help: return .allow
    default: break
    }
    if state == .restoring {
      return refuse(
        "a restore is in progress and only show and help may run until it finishes",
        next: WorkflowCommand.restoreStatus)
    }
    if state == .decommissioned {
      // A retired appliance is kept only as a source of one last backup.
      if case .backupCreate(let force, let sourcesEnabled) = action {
        return decideBackupCreate(force: force, sourcesEnabled: sourcesEnabled)
      }
      return refuse(
        "this appliance is decommissioned: only show, help and backup create remain",
        next: "run it" + WorkflowCommand.onNewAppliance)
    }
    switch role {
    case .old: return decideOld(action, in: state)
    case .new: return decideNew(action, in: state)
    }
  }

  private func refuse(_ reason: String, next: String) -> Decision {
    .refuse(Refusal(state: state, reason: reason, unblock: next))
  }

  /// The next plan step's command, for refusals whose remedy is simply "carry on with the plan".
  private var nextCommand: String {
    nextStep()?.command ?? WorkflowCommand.showStatus
  }

  // Both roles: a backup taken while sources poll lets two appliances poll the same sources
  // once it is restored elsewhere (duplicate alerts, skewed quarantine reports).
  private func decideBackupCreate(force: Bool, sourcesEnabled: Bool) -> Decision {
    if !sourcesEnabled { return .allow }
    if force {
      return .allowWithWarning(
        "backing up with alert sources enabled: the backup records that sources were live, and"
          + " the appliance it is restored on must not enable its sources while this one polls")
    }
    return refuse(
      "alert sources are enabled, so the old and the new appliance would both poll them;"
        + " disable them, or use backup create --force to record a backup with sources live",
      next: WorkflowCommand.disableSources)
  }

  private func decideOld(_ action: WorkflowAction, in state: WorkflowState) -> Decision {
    let backedUp = state == .backedUp
    let staleChange =
      "the upgrade backup is already made: changes made here now will not reach the new appliance"
    switch action {
    case .show, .help, .disableSources, .secretExport, .settingsExport, .licenseValidate, .other:
      return .allow
    case .enableSources(let force):
      if state == .live { return .allow }
      if backedUp && !force {
        return refuse(
          "the upgrade backup is made: enabling sources here makes it stale and lets both"
            + " appliances poll them; use --force to abandon the upgrade",
          next: WorkflowCommand.enableSourcesForce)
      }
      return .allowWithWarning(
        "alert sources enabled on the old appliance make any upgrade backup stale and race the"
          + " new appliance: disable them again and make a new backup before going on")
    case .backupCreate(let force, let sourcesEnabled):
      return decideBackupCreate(force: force, sourcesEnabled: sourcesEnabled)
    case .backupUpload, .secretUpload, .restore:
      let remedy: String =
        switch action {
        case .backupUpload: WorkflowCommand.backupUpload
        case .secretUpload: WorkflowCommand.secretUpload
        default: WorkflowCommand.restore
        }
      return refuse(
        "this is the old appliance being upgraded away from: uploading or restoring into it"
          + " mid-upgrade would overwrite the data and Master Secret being migrated",
        next: remedy + WorkflowCommand.onNewAppliance)
    case .settingsCopy:
      return refuse(
        "settings copy writes the 5.x layout and belongs on the new appliance",
        next: WorkflowCommand.settingsCopy + WorkflowCommand.onNewAppliance)
    case .credentialsReenter, .licenseEdit, .settingsEdit, .instanceAdmin:
      return backedUp ? .allowWithWarning(staleChange) : .allow
    case .backupDelete:
      return backedUp
        ? .allowWithWarning("make sure the upgrade backup has been copied off this appliance first")
        : .allow
    case .decommission:
      if backedUp {
        return .allowWithWarning(
          "decommissioning disables every alert source for good: check first that the new"
            + " appliance's data, configuration and licences match")
      }
      return refuse(
        "decommissioning needs a backup made with alert sources disabled and an exported Master Secret",
        next: nextCommand)
    }
  }

  private func decideNew(_ action: WorkflowAction, in state: WorkflowState) -> Decision {
    switch action {
    case .show, .help, .disableSources, .credentialsReenter, .backupUpload, .backupDelete,
      .secretExport, .licenseEdit, .settingsExport, .settingsEdit, .instanceAdmin, .other:
      return .allow
    case .enableSources(let force):
      if !restored {
        return refuse(
          "alert sources stay disabled until the backup is restored, which brings the migrated"
            + " sources", next: nextCommand)
      }
      if hasUnreadableFields && !force {
        return refuse(
          "the restore ran without encryption validation and left encrypted fields unreadable"
            + " (show status lists them); re-enter them first (secret settings with settings set),"
            + " or use --force", next: WorkflowCommand.reenterCredentials)
      }
      if state == .live && !hasUnreadableFields { return .allow }
      let unreadable =
        hasUnreadableFields
        ? "sources with unreadable credentials will fail to poll until they are re-entered; " : ""
      return .allowWithWarning(unreadable + oldSourcesWarning)
    case .backupCreate(let force, let sourcesEnabled):
      return decideBackupCreate(force: force, sourcesEnabled: sourcesEnabled)
    case .secretUpload:
      if restored {
        return .allowWithWarning(
          "the backup is already restored: a new Master Secret re-encrypts this instance's"
            + " fields and restarts all services; fields left unreadable stay unreadable")
      }
      if secretUploaded {
        return .allowWithWarning(
          "a Master Secret is already uploaded: this one replaces it and restarts all services again"
        )
      }
      return .allow
    case .restore:
      return decideRestore(in: state)
    case .licenseValidate:
      if restored { return .allow }
      return refuse(
        "the licence keys arrive with the backup: validate them after the restore, which would"
          + " undo a validation made now", next: nextCommand)
    case .settingsCopy:
      if restored { return .allow }
      return refuse(
        "the restore replaces this instance's settings: copy them after the restore",
        next: nextCommand)
    case .decommission:
      return refuse(
        "this is the new appliance: decommission the old one once this one is checked",
        next: WorkflowCommand.decommission + WorkflowCommand.onOldAppliance)
    }
  }

  private func decideRestore(in state: WorkflowState) -> Decision {
    if state == .live {
      return refuse(
        "the appliance is live: restoring now would discard every incident received since the"
          + " last restore", next: WorkflowCommand.disableSources)
    }
    switch (secretUploaded, backupUploaded) {
    case (false, false):
      return refuse(
        "restore needs an uploaded Master Secret and an uploaded backup",
        next: WorkflowCommand.secretUpload)
    case (false, true):
      return refuse("restore needs an uploaded Master Secret", next: WorkflowCommand.secretUpload)
    case (true, false):
      return refuse("restore needs an uploaded backup", next: WorkflowCommand.backupUpload)
    case (true, true): break
    }
    if servicesRestarting {
      return refuse(
        "services are restarting after the Master Secret upload; wait until they run",
        next: WorkflowCommand.showServices)
    }
    if restored {
      return .allowWithWarning(
        "restoring again replaces this instance's data, including licences validated and"
          + " settings copied since the last restore")
    }
    return .allow
  }

  /// The warning shown before sources are enabled on the new appliance: two appliances must never poll the same sources.
  private var oldSourcesWarning: String {
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
