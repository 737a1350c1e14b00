/// What a successful command tells the workflow gate; the table turns it into the event recorded.
///
/// Most commands report `done`; those whose event depends on what happened say what that was.
public enum WorkflowOutcome: Sendable, Equatable, Hashable {
  /// The command did what its action says.
  case done
  /// Sources were disabled; `noneLeft` is true when no enabled source remains.
  case sourcesDisabled(noneLeft: Bool)
  /// A backup was written; `sourcesLive` is true when sources were enabled as it was written.
  case backupWritten(sourcesLive: Bool)
  /// A backup was uploaded; `sourcesLive` is its header's flag (nil when it has none).
  case backupUploaded(sourcesLive: Bool?)
  /// Licence keys were validated; `anyInstalled` is true when a key is now Installed.
  case licensesValidated(anyInstalled: Bool)
  /// A secret field was re-entered; `nothingUnreadable` is true when no field is left unreadable.
  case secretReentered(nothingUnreadable: Bool)
  /// The restore's stages, reported by the restore itself while it holds its lock.
  case restoreStarted
  case restoreFinished(consistent: Bool)
  case restoreFailed
}
