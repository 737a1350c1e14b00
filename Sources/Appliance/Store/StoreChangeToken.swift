/// Identifies a version of a store's data, for caches that must never serve stale values.
public struct StoreChangeToken: Sendable, Equatable {
  /// SQLite's `PRAGMA data_version`: changes when another connection commits.
  public var dataVersion: Int64
  /// Rows changed by this connection since it opened.
  public var ownChanges: Int64
}
