/// One archive `backup list` shows: where it is, its size and its header (nil when unreadable).
public struct BackupFileInfo: Codable, Sendable, Equatable {
  public var name: String
  /// `backups` (made here) or `uploads` (uploaded here).
  public var location: String
  public var path: String
  public var bytes: Int64
  public var header: BackupHeader?
}
