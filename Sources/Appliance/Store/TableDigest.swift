/// A table's row count and the SHA-256 of all its rows in primary-key order (hex).
///
/// Column names do not enter the digest, only values in column order, so a pure column
/// rename (as the 4.x → 5.x migration does) keeps the digest.
public struct TableDigest: Codable, Sendable, Equatable {
  public var rows: Int
  public var sha256: String

  public init(rows: Int, sha256: String) {
    self.rows = rows
    self.sha256 = sha256
  }
}
