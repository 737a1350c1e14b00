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

  /// Creates a new instance's database in `directory` and fills it with `content` in one step;
  /// on failure nothing of it is left.
  func create(
    in directory: URL, generation: SchemaGeneration, content: NewInstanceContent,
    progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws

  /// Tables `installRestored` rewrites (carried over from the live instance): recounted after
  /// a restore instead of every table.
  var tablesRecountedAfterRestore: Set<String> { get }

  /// Builds the restored data from a checked 5.x archive body beside the live data, with the
  /// live instance's own values carried over; nothing live changes yet.
  func prepareRestored(body: URL, in directory: URL, carryOver: RestoreCarryOver) throws

  /// Puts the prepared data in place of the live data in one atomic step (old or new, never
  /// mixed). The live store has been closed.
  func swapInRestored(body: URL, in directory: URL) throws
}
