import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The embedded engine: the instance's data in `appliance.sqlite` (WAL mode, through GRDB).
public struct SQLiteEngine: StoreEngine {
  public init() {}

  /// Registers this engine (the default for new instances) and the archive body format.
  public static func register() {
    StoreEngines.register(SQLiteEngine(), body: SQLiteArchiveBody())
  }

  public var name: String { "sqlite" }

  static func databaseURL(in directory: URL) -> URL {
    directory.appendingPathComponent("appliance.sqlite")
  }

  public func holdsDatabase(in directory: URL) -> Bool {
    FileManager.default.fileExists(atPath: Self.databaseURL(in: directory).path)
  }

  public func databaseBytes(in directory: URL) -> Int64 {
    let path = Self.databaseURL(in: directory).path
    return [path, path + "-wal"].reduce(0) { total, file in
      total
        + (((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?
          .int64Value ?? 0)
    }
  }

  public func open(in directory: URL) throws -> any ApplianceStore {
    try SQLiteStore(url: Self.databaseURL(in: directory))
  }

  public func create(
    in directory: URL, generation: SchemaGeneration, content: NewInstanceContent,
    external: ExternalDatabase?, progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws {
    if external != nil {
      throw ApplianceError.usage(
        "--database-url names a database server: it needs --engine postgresql")
    }
    let url = Self.databaseURL(in: directory)
    try PrivateFiles.prepare(url)
    try SQLiteStore.create(at: url, generation: generation) { db, columns in
      try SQLiteStore.fillNewInstance(
        db, columns: columns, content: content, progress: progress, cancel: cancel)
    }
  }

  public var tablesRecountedAfterRestore: Set<String> { SQLiteStore.tablesRecountedAfterRestore }

  /// The adjustments take a moment only: `cancel` is looked at by the caller before and after.
  public func prepareRestored(
    body: URL, in directory: URL, carryOver: RestoreCarryOver, cancel: (any Cancellation)?
  ) throws {
    try SQLiteStore.finishRestore(
      at: body, live: Self.databaseURL(in: directory),
      adminPasswordHash: carryOver.adminPasswordHash, unreadable: carryOver.unreadable,
      restoredFrom: carryOver.restoredFrom, restoreId: carryOver.restoreId)
  }

  /// The body is already a complete database file beside the live one: renaming it over the
  /// live file is the atomic step.
  public func swapInRestored(body: URL, in directory: URL) throws {
    try SQLiteStore.swapDatabase(body, over: Self.databaseURL(in: directory))
  }
}
