extension Workflow {
  /// Records what happened and returns the transition when the state changed (nil otherwise).
  @discardableResult
  public mutating func apply(_ event: WorkflowEvent) -> Transition? {
    let before = state
    switch role {
    case .old: applyOld(event)
    case .new: applyNew(event)
    }
    let after = state
    return before == after ? nil : Transition(from: before, to: after, event: event.name)
  }

  private mutating func applyOld(_ event: WorkflowEvent) {
    switch event {
    case .sourcesDisabled(let all): setSourcesEnabled(!all)
    case .sourcesEnabled: setSourcesEnabled(true)
    case .backupCreated(let sourcesLive):
      // The command saw the sources when it wrote the archive: trust it over older facts.
      setSourcesEnabled(sourcesLive)
      if sourcesLive { forcedBackupCreated = true } else { cleanBackupCreated = true }
    case .secretExported: secretExported = true
    case .decommissioned:
      // `instance decommission` disables every source as part of retiring the appliance.
      decommissioned = true
      setSourcesEnabled(false)
    case .secretUploaded, .servicesReady, .backupUploaded, .restoreStarted, .restoreFinished,
      .restoreFailed, .credentialsReentered, .licenseInstalled, .settingsCopied:
      break
    }
  }

  private mutating func applyNew(_ event: WorkflowEvent) {
    switch event {
    case .sourcesDisabled(let all): setSourcesEnabled(!all)
    case .sourcesEnabled: setSourcesEnabled(true)
    case .backupCreated(let sourcesLive): setSourcesEnabled(sourcesLive)
    case .secretUploaded:
      secretUploaded = true
      servicesRestarting = true
    case .servicesReady: servicesRestarting = false
    case .backupUploaded(let sourcesLive):
      backupUploaded = true
      backupSourcesLive = sourcesLive
    case .restoreStarted: restoring = true
    case .restoreFinished(let consistent):
      // A restore replaces the whole instance: what was done after an earlier restore is
      // gone, licence keys arrive Available and restored sources arrive disabled.
      restoring = false
      restored = true
      restoreConsistent = consistent
      credentialsReentered = false
      licensesInstalled = false
      settingsCopied = false
      sourcesEnabled = false
    case .restoreFailed:
      // The restore swaps the database in atomically: a failed one changed nothing.
      restoring = false
    case .credentialsReentered: if restored { credentialsReentered = true }
    case .licenseInstalled: licensesInstalled = true
    case .settingsCopied: settingsCopied = true
    case .secretExported, .decommissioned: break
    }
  }

  private mutating func setSourcesEnabled(_ enabled: Bool) {
    // On the old appliance, sources polling again after the upgrade backup make it stale:
    // incidents from then on would not reach the new appliance, so a new backup is needed.
    if role == .old && enabled && !sourcesEnabled { cleanBackupCreated = false }
    sourcesEnabled = enabled
  }
}
