extension WorkflowTable {
  /// An entry's event column: what a success records, given the command's outcome.
  public enum Record: Sendable, Equatable {
    /// The action changes no workflow fact.
    case nothing
    /// This event, whatever the outcome.
    case event(WorkflowEvent)
    /// `sources-disabled`, `all` when no enabled source is left.
    case sourcesDisabled
    /// `backup-created`, with whether sources were live as it was written.
    case backupCreated
    /// `backup-uploaded`, with the archive's sources-live flag.
    case backupUploaded
    /// `license-installed`, only when a key is now Installed.
    case licenseInstalled
    /// `credentials-reentered`, only when a secret was re-entered and nothing is left unreadable.
    case credentialsReentered
    /// The stage the restore reports: `restore-started`, `restore-finished` or `restore-failed`.
    case restore

    /// The event for `outcome`, or nil when this outcome records nothing.
    public func event(for outcome: WorkflowOutcome) -> WorkflowEvent? {
      switch (self, outcome) {
      case (.nothing, _): return nil
      case (.event(let event), _): return event
      case (.sourcesDisabled, .sourcesDisabled(let noneLeft)):
        return .sourcesDisabled(all: noneLeft)
      case (.backupCreated, .backupWritten(let live)): return .backupCreated(sourcesLive: live)
      case (.backupUploaded, .backupUploaded(let live)): return .backupUploaded(sourcesLive: live)
      case (.licenseInstalled, .licensesValidated(let installed)):
        return installed ? .licenseInstalled : nil
      case (.credentialsReentered, .secretReentered(let readable)):
        return readable ? .credentialsReentered : nil
      // A command that changed no secret (a plain setting, a licence key) reports `done`.
      case (.credentialsReentered, .done): return nil
      case (.restore, .restoreStarted): return .restoreStarted
      case (.restore, .restoreFinished(let consistent)):
        return .restoreFinished(consistent: consistent)
      case (.restore, .restoreFailed): return .restoreFailed
      default:
        // Any other pair is a command reporting an outcome its action cannot have.
        assertionFailure("the workflow table records nothing for \(self) with outcome \(outcome)")
        return nil
      }
    }
  }

  /// Who records an entry's event.
  public enum Recorder: Sendable, Equatable {
    /// The gate, after the command succeeded.
    case gate
    /// The domain operation itself, for crash safety (the restore under its lock, the secret
    /// upload before its journal is cleared), through the gate's recorder.
    case operation
  }
}
