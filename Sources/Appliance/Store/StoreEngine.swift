import Foundation

/// A database engine an instance keeps its data in (SQLite embedded by default; more engines
/// plug in here). The domain reaches its data only through this and `ApplianceStore`.
public protocol StoreEngine: Sendable {
  /// The engine's name, as `instance create --engine` and `instance info` spell it.
  var name: String { get }

  /// Whether `directory` holds an instance database of this engine.
  func holdsDatabase(in directory: URL) -> Bool

  /// Bytes the database takes on disk (for `instance info`).
  func databaseBytes(in directory: URL) -> Int64

  /// Opens the instance's database; never migrates it (a legacy rehearsal instance stays legacy).
  func open(in directory: URL) throws -> any ApplianceStore

  /// Creates a new instance's database in `directory` (or, with `external`, on that server)
  /// and fills it with `content` in one step; on failure nothing of it is left.
  func create(
    in directory: URL, generation: SchemaGeneration, content: NewInstanceContent,
    external: ExternalDatabase?, progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws

  /// The state of the database service the instance runs itself; nil for an embedded
  /// database (it runs inside trsh) or a managed one.
  func serviceState(in directory: URL) -> ServiceState?

  /// Restarts the instance's own database service (nothing for an embedded database).
  func restartService(in directory: URL) throws

  /// Stops the instance's own database service, if it runs one (decommission, tests).
  func stopService(in directory: URL) throws

  /// Tables `installRestored` rewrites (carried over from the live instance): recounted after
  /// a restore instead of every table.
  var tablesRecountedAfterRestore: Set<String> { get }

  /// Whether `prepareRestored` copies the archive body into a database of the engine's own,
  /// reading all of it, and takes a 4.x body as extracted, migrating each row as it loads it.
  /// False (SQLite): the body is migrated in place and becomes the database file.
  var loadsArchiveBody: Bool { get }

  /// Builds the restored data from a checked archive body beside the live data, with the
  /// live instance's own values carried over; nothing live changes yet. The body is 5.x, or
  /// 4.x as extracted when `loadsArchiveBody`. A long load looks at `cancel` as it goes
  /// (Ctrl-C: nothing live has changed).
  func prepareRestored(
    body: URL, in directory: URL, carryOver: RestoreCarryOver, cancel: (any Cancellation)?
  ) throws

  /// Puts the prepared data in place of the live data in one atomic step (old or new, never
  /// mixed). The live store has been closed.
  func swapInRestored(body: URL, in directory: URL) throws

  /// High availability (replication between two nodes), when the engine has it; nil: none.
  var clusterControl: (any ClusterControl)? { get }
}

extension StoreEngine {
  public func serviceState(in directory: URL) -> ServiceState? { nil }
  public func restartService(in directory: URL) throws {}
  public func stopService(in directory: URL) throws {}
  public var clusterControl: (any ClusterControl)? { nil }
  public var loadsArchiveBody: Bool { false }
}
