/// What a restore did (or, with `--dry-run`, would do); the last one is kept for `restore status`.
public struct RestoreReport: Codable, Sendable, Equatable {
  /// `restored`, `dry-run`, `failed`, or `interrupted` (the restoring process died and a later
  /// one cleaned up after it: `liveData` says which data it found live).
  public var outcome: String
  public var backupFile: String
  public var backupHost: String
  public var backupVersion: String
  public var backupCreatedAt: String
  public var backupFingerprint: String
  public var secretFingerprint: String
  /// True when a 4.x backup was migrated to the 5.x schema.
  public var migrated: Bool
  public var validated: Bool
  public var adminPasswordRestored: Bool
  /// Rows per table in the restored database.
  public var recordCounts: [String: Int]
  /// Encrypted fields that did not open under this instance's secret (must be re-entered).
  public var unreadable: [String]
  public var finishedAt: String
  /// Why a failed restore stopped.
  public var error: String?
  /// Identifies the restore (also written into the restored database's meta before the swap).
  public var restoreId: String?
  /// After an interrupted restore: `old` (the instance is as it was before) or `new` (the
  /// restored database was already swapped in, complete).
  public var liveData: String?

  /// True when every encrypted field opened.
  public var consistent: Bool { unreadable.isEmpty }
}
