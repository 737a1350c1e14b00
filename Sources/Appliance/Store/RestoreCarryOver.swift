/// What a restore keeps of the live instance, or records about itself, in the restored data.
public struct RestoreCarryOver: Sendable, Equatable {
  /// The live admin password hash to keep (nil: the backup's is restored).
  public var adminPasswordHash: String?
  /// Labels of encrypted fields that did not open under this instance's secret.
  public var unreadable: [String]
  /// `host version created-at` of the backup.
  public var restoredFrom: String
  /// Proof, once the restored data is live, that this very restore's swap happened.
  public var restoreId: String

  public init(
    adminPasswordHash: String?, unreadable: [String], restoredFrom: String, restoreId: String
  ) {
    self.adminPasswordHash = adminPasswordHash
    self.unreadable = unreadable
    self.restoredFrom = restoredFrom
    self.restoreId = restoreId
  }
}
