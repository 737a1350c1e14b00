/// The outcome of writing a backup archive.
public struct BackupArchiveSummary: Sendable, Equatable {
  /// The header as written, with `bodyBytes` and `formatVersion` filled in.
  public var header: BackupHeader
  /// Size of the archive file in bytes.
  public var archiveBytes: Int64
  /// Hex SHA-256 recorded in the trailer (covers header and body).
  public var digest: String

  public init(header: BackupHeader, archiveBytes: Int64, digest: String) {
    self.header = header
    self.archiveBytes = archiveBytes
    self.digest = digest
  }
}
