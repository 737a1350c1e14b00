import Appliance
import Foundation

/// The archive body format: an SQLite image of the whole database, migrated and read here
/// whatever engine the instance itself runs on.
public struct SQLiteArchiveBody: ArchiveBodyFormat {
  public init() {}

  public func migrateToCurrent(at url: URL) throws -> SchemaGeneration {
    try SQLiteStore.migrateScratchToCurrent(at: url)
  }

  public func generation(at url: URL) throws -> SchemaGeneration {
    let store = try SQLiteStore(url: url, forReadingOnly: true)
    defer { try? store.close() }
    return store.generation
  }

  public var tablesRecountedAfterMigration: Set<String> {
    SQLiteStoreSchema.tablesRecountedAfterMigration
  }

  /// Opened without changing the journal mode, so inspecting writes nothing (the kernel may
  /// still be writing the extracted file back).
  public func inspect(at url: URL, counting known: [String: Int]?) throws -> (
    sealed: [SealedField], counts: [String: Int]
  ) {
    let store = try SQLiteStore(url: url, forReadingOnly: true)
    defer { try? store.close() }
    return (try store.sealedFields(), try known.map { try store.tableCounts(knowing: $0) } ?? [:])
  }

  public func createImage(
    at url: URL, generation: SchemaGeneration, content: NewInstanceContent,
    progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws {
    try PrivateFiles.prepare(url)
    try SQLiteStore.create(at: url, generation: generation) { db, columns in
      try SQLiteStore.fillNewInstance(
        db, columns: columns, content: content, progress: progress, cancel: cancel)
    }
  }

  public func newImage(at url: URL, generation: SchemaGeneration) throws
    -> any ArchiveImageWriter
  {
    try SQLiteImageWriter(url: url, generation: generation)
  }

  public func openImage(at url: URL) throws -> any ArchiveImageReader {
    try SQLiteImageReader(url: url)
  }
}
