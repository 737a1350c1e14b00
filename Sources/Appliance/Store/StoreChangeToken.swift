/// Identifies a version of a store's data, for caches that must never serve stale values.
public struct StoreChangeToken: Sendable, Equatable {
  /// Changes when another connection commits (SQLite's `PRAGMA data_version`).
  public var dataVersion: Int64
  /// Rows changed by this connection since it opened.
  public var ownChanges: Int64

  public init(dataVersion: Int64, ownChanges: Int64) {
    self.dataVersion = dataVersion
    self.ownChanges = ownChanges
  }
}
