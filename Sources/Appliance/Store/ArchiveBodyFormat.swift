import Foundation

/// The body of a backup archive: a database image in one documented interchange format
/// (an SQLite file), whatever engine the instance runs on. Restore and verify read it here;
/// an engine that is not the image's own writes and loads its data through it.
public protocol ArchiveBodyFormat: Sendable {
  /// Brings an extracted body to the current schema in place; returns the generation found.
  func migrateToCurrent(at url: URL) throws -> SchemaGeneration

  /// The schema generation of an extracted body, read without writing to it.
  func generation(at url: URL) throws -> SchemaGeneration

  /// Tables the 4.x → 5.x migration changes or creates (all others keep the header's counts).
  var tablesRecountedAfterMigration: Set<String> { get }

  /// The sealed fields of an extracted body, read without writing to it; with `counting`,
  /// its row counts too (tables in `known` take the given counts).
  func inspect(at url: URL, counting known: [String: Int]?) throws -> (
    sealed: [SealedField], counts: [String: Int]
  )

  /// Writes a new instance's complete data as an image at `url` (which must not exist).
  func createImage(
    at url: URL, generation: SchemaGeneration, content: NewInstanceContent,
    progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws

  /// Creates an image of `generation` with empty tables at `url`, to be filled.
  func newImage(at url: URL, generation: SchemaGeneration) throws -> any ArchiveImageWriter

  /// Opens an image for reading, writing nothing to it.
  func openImage(at url: URL) throws -> any ArchiveImageReader
}
