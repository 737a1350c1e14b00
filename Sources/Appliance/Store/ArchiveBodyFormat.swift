import Foundation

/// The body of a backup archive: a database image in one documented interchange format
/// (an SQLite file), whatever engine the instance runs on. Restore and verify read it here.
public protocol ArchiveBodyFormat: Sendable {
  /// Brings an extracted body to the current schema in place; returns the generation found.
  func migrateToCurrent(at url: URL) throws -> SchemaGeneration

  /// Tables the 4.x → 5.x migration changes or creates (all others keep the header's counts).
  var tablesRecountedAfterMigration: Set<String> { get }

  /// The sealed fields of an extracted body, read without writing to it; with `counting`,
  /// its row counts too (tables in `known` take the given counts).
  func inspect(at url: URL, counting known: [String: Int]?) throws -> (
    sealed: [SealedField], counts: [String: Int]
  )
}
