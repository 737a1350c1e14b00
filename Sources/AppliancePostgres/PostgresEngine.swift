import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The PostgreSQL engine: the instance's data in its own server (`DIR/pgdata`, started on
/// demand like an appliance's database service) or in a managed database (`--database-url`).
public struct PostgresEngine: StoreEngine {
  public init() {}

  /// Registers this engine beside the default one.
  public static func register() {
    StoreEngines.register(PostgresEngine())
  }

  public var name: String { "postgresql" }

  public func holdsDatabase(in directory: URL) -> Bool {
    FileManager.default.fileExists(atPath: PostgresInstanceConfig.url(in: directory).path)
  }

  public func databaseBytes(in directory: URL) -> Int64 {
    guard let connection = try? connect(in: directory, starting: false),
      let size = try? connection.query("SELECT pg_database_size(current_database())").first?[0]
    else { return 0 }
    return size.int
  }

  public func open(in directory: URL) throws -> any ApplianceStore {
    try PostgresStore(connection: connect(in: directory, starting: true))
  }

  /// Connects; an instance's own server that is not running is started first (the service
  /// manager's job on an appliance), a managed one is reported. The server is asked only when
  /// connecting failed, so a running instance costs no `pg_ctl` per command.
  func connect(in directory: URL, starting: Bool) throws -> PGConnection {
    let config = try PostgresInstanceConfig.load(from: directory)
    let endpoint = config.endpoint(in: directory)
    do {
      return try PGConnection(endpoint)
    } catch {
      guard starting, let server = config.server(in: directory), !server.isRunning else {
        throw error
      }
      // A cluster node's server is never started behind repmgr's back: after a failover the
      // old primary would come back as a second writable primary.
      if RepmgrNode(instance: directory).exists {
        throw ApplianceError.failed(
          "this cluster node's database server is down: run `cluster status` and, when the"
            + " other node is primary, `cluster rejoin` here")
      }
      try server.start()
      return try PGConnection(endpoint)
    }
  }

  public func create(
    in directory: URL, generation: SchemaGeneration, content: NewInstanceContent,
    external: ExternalDatabase?, progress: (any ProgressSink)?, cancel: (any Cancellation)?
  ) throws {
    var config: PostgresInstanceConfig
    let password: String
    var server: PostgresServer?
    if let external {
      config = try PostgresInstanceConfig.parse(url: external.url)
      password = external.password ?? ""
    } else {
      config = PostgresInstanceConfig(
        host: "127.0.0.1", port: try LoopbackPort.free(), user: "trsh", database: "appliance",
        ownServer: true)
      password = Self.randomPassword()
      let own = PostgresServer(
        dataDirectory: PostgresInstanceConfig.dataDirectory(in: directory), port: config.port)
      server = own
      try own.initialize(password: password)
      try own.start()
    }
    do {
      var endpoint = config.endpoint(in: directory)
      endpoint.password = external == nil || external?.password != nil ? password : nil
      if server != nil {
        let admin = try PGConnection(
          PGEndpoint(
            host: endpoint.host, port: endpoint.port, user: endpoint.user,
            password: endpoint.password, database: "postgres"))
        try admin.execute("CREATE DATABASE appliance")
        admin.close()
      }
      let db = try PGConnection(endpoint)
      defer { db.close() }
      if try !db.query(
        "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1",
        [.text(PostgresSchema.live)]
      ).isEmpty {
        throw ApplianceError.usage(
          "the database at \(endpoint.label) already holds appliance data: choose another database;"
            + " nothing was created")
      }
      let image = directory.appendingPathComponent(".new-instance.sqlite")
      defer { for suffix in ["", "-wal", "-shm"] { unlink(image.path + suffix) } }
      try StoreEngines.bodyFormat().createImage(
        at: image, generation: generation, content: content, progress: progress, cancel: cancel)
      try db.transaction {
        try PostgresLoader.load(
          image: image, into: PostgresSchema.live, generation: generation, db, cancel: cancel)
      }
      try config.save(in: directory, password: endpoint.password)
    } catch {
      // Nothing of a half-made instance keeps running; the caller removes the folder.
      try? server?.stop(mode: "immediate")
      throw error
    }
  }

  static func randomPassword() -> String {
    var rng = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(rng.next() % 36, radix: 36) }.joined()
  }

  public var tablesRecountedAfterRestore: Set<String> {
    ["settings", "workflow", "workflow_history", "uploads", "meta", "users"]
  }

  /// The body is copied in with COPY; a 4.x body is migrated row by row as it loads.
  public var loadsArchiveBody: Bool { true }

  public func prepareRestored(
    body: URL, in directory: URL, carryOver: RestoreCarryOver, cancel: (any Cancellation)?
  ) throws {
    let db = try connect(in: directory, starting: true)
    defer { db.close() }
    // What an interrupted restore left beside the live data is dropped first.
    try db.execute("DROP SCHEMA IF EXISTS \(PostgresSchema.restoring) CASCADE")
    let (image, detached) = try PostgresLoader.loadInParallel(
      image: body, into: PostgresSchema.restoring, generation: .current, db, cancel: cancel)
    defer { image.close() }
    try db.transaction {
      try PostgresLoader.finish(image, schema: PostgresSchema.restoring, detached, db)
      try PostgresRestore.carryOver(carryOver, db)
    }
  }

  /// Both schema renames and the drop commit together: old data or new, never mixed.
  public func swapInRestored(body: URL, in directory: URL) throws {
    let db = try connect(in: directory, starting: true)
    defer { db.close() }
    try db.execute(
      """
      BEGIN;
      ALTER SCHEMA \(PostgresSchema.live) RENAME TO \(PostgresSchema.replaced);
      ALTER SCHEMA \(PostgresSchema.restoring) RENAME TO \(PostgresSchema.live);
      DROP SCHEMA \(PostgresSchema.replaced) CASCADE;
      NOTIFY \(PostgresSchema.changeChannel);
      COMMIT;
      """)
    // The loaded image is of no further use.
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(body.path + suffix) }
  }

  public var clusterControl: (any ClusterControl)? { PostgresCluster() }

  public func serviceState(in directory: URL) -> ServiceState? {
    guard let config = try? PostgresInstanceConfig.load(from: directory),
      let server = config.server(in: directory)
    else { return nil }
    return server.isRunning ? .running : .stopped
  }

  public func restartService(in directory: URL) throws {
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory) else { return }
    if server.isRunning { try server.restart() } else { try server.start() }
  }

  public func stopService(in directory: URL) throws {
    try stopService(in: directory, mode: "fast")
  }

  /// Stops the instance's own server: `fast` (clients disconnected, a clean shutdown) or
  /// `immediate` (as a crash would).
  public func stopService(in directory: URL, mode: String) throws {
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory), server.isRunning else { return }
    try server.stop(mode: mode)
  }
}
