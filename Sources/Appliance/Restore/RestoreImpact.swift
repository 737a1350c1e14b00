/// What a restore would replace: this instance's records now and the backup's, for the
/// confirmation a restore asks before it overwrites anything.
public struct RestoreImpact: Sendable, Equatable {
  public var incidentsBefore: Int
  public var alertsBefore: Int
  public var incidentsAfter: Int
  public var alertsAfter: Int
  /// Where the backup came from (`oldbox 4.6.2, 2026-11-30T…`).
  public var backupOrigin: String
  /// The restore will refuse the archive before changing anything (newer version, or a secret
  /// mismatch with validation on): there is nothing to confirm.
  public var willBeRefused: Bool
}
