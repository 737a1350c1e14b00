import Foundation

/// Writes the tables of an archive image (another engine's snapshot), table by table.
public protocol ArchiveImageWriter: AnyObject {
  /// Appends `rows` (cells in `columns` order) to `table`.
  func append(to table: String, columns: [String], rows: ArchiveRowBuffer) throws
  /// Commits everything written and closes the image; returns its row count per table.
  func finish() throws -> [String: Int]
}

/// Reads the tables of an archive image in row order, a page at a time.
public protocol ArchiveImageReader: AnyObject {
  /// The image's tables.
  func tables() throws -> [String]
  /// The columns of `table`, in order.
  func columns(of table: String) throws -> [String]
  /// Puts up to `limit` rows of `table` after the row with position `after` (0: from the
  /// start) into `rows` (emptied first), cells in `columns` order; returns the last row's
  /// position, nil when none was left.
  func rows(
    of table: String, columns: [String], after: Int64, limit: Int, into rows: ArchiveRowBuffer
  ) throws -> Int64?
  func close()
}
