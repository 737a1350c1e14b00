extension Workflow {
  /// The upgrade checklist for this role, in the vendor guide's order, with what is done.
  public func plan() -> [PlanStep] {
    switch role {
    case .old: oldPlan()
    case .new: newPlan()
    }
  }

  /// The first step not done yet, or nil when the checklist is complete.
  public func nextStep() -> PlanStep? {
    plan().first { !$0.done }
  }

  private func oldPlan() -> [PlanStep] {
    [
      PlanStep(
        title: "Disable every alert source before backing up",
        step: .disableSources, done: !sourcesEnabled, needsInput: false),
      PlanStep(
        title: "Create a backup that includes incident data; download it",
        step: .backupCreate, done: cleanBackupCreated, needsInput: false),
      PlanStep(
        title: "Export the Master Secret to a file; download it",
        step: .secretExport, done: secretExported, needsInput: true),
      PlanStep(
        title: "Check the new appliance's data, configuration and licences; decommission this one",
        step: .decommission, done: decommissioned, needsInput: true),
    ]
  }

  private func newPlan() -> [PlanStep] {
    // Once restored, the uploads are spent: they count as done even if facts were reset.
    var steps = [
      PlanStep(
        title: "Upload the Master Secret (this restarts all services)",
        step: .secretUpload, done: secretUploaded || restored, needsInput: true),
      PlanStep(
        title: "Wait for all services to be running again",
        step: .showServices,
        done: (secretUploaded && !servicesRestarting) || restored, needsInput: false),
      PlanStep(
        title: "Upload the backup file",
        step: .backupUpload, done: backupUploaded || restored, needsInput: true),
      PlanStep(
        title: "Restore the uploaded backup with Validate Encryption on",
        step: .restore, done: restored, needsInput: false),
    ]
    if restored && !restoreConsistent {
      steps.append(
        PlanStep(
          title:
            "Re-enter what the restore could not read (show status lists it; secret settings with settings set)",
          step: .reenterCredentials, done: credentialsReentered,
          needsInput: true))
    }
    steps += [
      PlanStep(
        title: "Validate the licence keys against Overcast",
        step: .licenseValidate, done: restored && licensesInstalled,
        needsInput: false),
      PlanStep(
        title: "Copy the console settings from the old layout to the new one",
        step: .settingsCopy, done: restored && settingsCopied, needsInput: true),
      PlanStep(
        title: "Re-enable the migrated alert sources",
        step: .enableSources, done: restored && sourcesEnabled, needsInput: false),
      // The new appliance cannot observe the check or the old one's decommissioning, so this
      // step stays open; it needs the admin's judgement, hence needsInput.
      PlanStep(
        title: "Check data, configuration and licences match; decommission the old appliance",
        step: .showStatus, done: false, needsInput: true),
    ]
    return steps
  }
}
