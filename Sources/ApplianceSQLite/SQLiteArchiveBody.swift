import Appliance
import Foundation

/// The archive body format: an SQLite image of the whole database, migrated and read here
/// whatever engine the instance itself runs on.
public struct SQLiteArchiveBody: ArchiveBodyFormat {
  public init() {}

  public func migrateToCurrent(at url: URL) throws -> SchemaGeneration {
    try SQLiteStore.migrateScratchToCurrent(at: url)
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
}
