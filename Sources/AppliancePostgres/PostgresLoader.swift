import Appliance
import Foundation
import NIOCore

/// Loads an archive image into a new schema with binary `COPY ... FROM STDIN`, table by table.
/// A 4.x image loads into 5.x tables directly: every row is migrated as it is encoded
/// (`LegacyImageMapping`), so no migrated copy of the image is written.
enum PostgresLoader {
  /// Creates `schema` with the tables of `generation` and fills them from the image at `url`,
  /// all in the caller's transaction.
  static func load(
    image url: URL, into schema: String, generation: SchemaGeneration, _ db: PGConnection,
    cancel: (any Cancellation)? = nil
  ) throws {
    let image = try Image(url, into: generation)
    defer { image.close() }
    try db.execute("CREATE SCHEMA \(schema); " + PostgresSchema.ddl(generation, in: schema))
    let detached = try PostgresConstraints.detach(schema, db)
    for table in PostgresSchema.tables(generation) {
      try cancel?.check()
      try copy(table, from: image, into: schema, db, truncating: false, cancel: cancel)
    }
    try finish(image, schema: schema, detached, db, tables: PostgresSchema.tables(generation))
  }

  /// The same over two connections and several transactions, for a schema nobody uses until
  /// it is swapped in: the empty tables are committed first, then the biggest table is loaded
  /// and keyed on a second connection while `db` loads and keys the others (the server works
  /// on both at once). The caller then runs `finish` (foreign keys) in its own transaction.
  /// A failure leaves a half-built schema beside the live one, dropped by the next restore.
  static func loadInParallel(
    image url: URL, into schema: String, generation: SchemaGeneration, _ db: PGConnection,
    cancel: (any Cancellation)? = nil
  ) throws -> (Image, PostgresConstraints.Detached) {
    let image = try Image(url, into: generation)
    do {
      let detached = try db.transaction {
        try db.execute("CREATE SCHEMA \(schema); " + PostgresSchema.ddl(generation, in: schema))
        return try PostgresConstraints.detach(schema, db)
      }
      let tables = PostgresSchema.tables(generation)
      let apart = tables.filter { $0 == "alerts" }
      // The other connection has its own reader of the image.
      let other = Worker(endpoint: db.endpoint) { connection in
        let own = try Image(url, into: generation)
        defer { own.close() }
        try load(apart, from: own, into: schema, detached, connection, cancel: cancel)
      }
      let mine = Result {
        try load(
          tables.filter { !apart.contains($0) }, from: image, into: schema, detached, db,
          cancel: cancel)
      }
      try other.wait()
      try mine.get()
      return (image, detached)
    } catch {
      image.close()
      throw error
    }
  }

  /// Loads and keys `tables` in one transaction of `db` (truncated first, so COPY may freeze).
  private static func load(
    _ tables: [String], from image: Image, into schema: String,
    _ detached: PostgresConstraints.Detached, _ db: PGConnection, cancel: (any Cancellation)?
  ) throws {
    try db.transaction {
      for table in tables {
        try cancel?.check()
        try copy(table, from: image, into: schema, db, truncating: true, cancel: cancel)
        for statement in detached.local[table] ?? [] { try db.query(statement) }
      }
    }
  }

  /// Finishes a load in the caller's transaction: the migration's `meta` changes for a 4.x
  /// image, the keys of `keyed` tables, then the foreign keys (checked as they come back).
  static func finish(
    _ image: Image, schema: String, _ detached: PostgresConstraints.Detached, _ db: PGConnection,
    tables keyed: [String] = []
  ) throws {
    if image.migrating {
      try db.execute("SET LOCAL search_path TO \(schema)")
      for update in LegacyImageMapping.metaUpdates { try db.query(update.sql, update.binds) }
      try db.execute("SET LOCAL search_path TO \(PostgresSchema.live)")
    }
    for table in keyed {
      for statement in detached.local[table] ?? [] { try db.query(statement) }
    }
    for statement in detached.foreign { try db.query(statement) }
    // No ANALYZE here (pg_restore runs none either): autovacuum analyses the freshly loaded
    // tables within its next round, and nothing the appliance asks needs statistics sooner.
  }

  /// Fills `table` from the image with one binary COPY.
  private static func copy(
    _ table: String, from image: Image, into schema: String, _ db: PGConnection,
    truncating: Bool, cancel: (any Cancellation)?
  ) throws {
    let source = image.migrating ? LegacyImageMapping.sourceTable(of: table) : table
    guard let source, image.present.contains(source) else { return }
    var columns: [CopyBinary.Column] = []
    var sourceColumns: [String] = []
    for row in try db.query(
      """
      SELECT column_name::text, udt_name::text FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
      """, [.text(schema), .text(table)])
    {
      let name = row[0].string
      var column = CopyBinary.Column(
        name: name, type: try CopyBinary.ColumnType(udtName: row[1].string, column: name))
      var from = name
      if image.migrating {
        (from, column.transform) = LegacyImageMapping.source(of: name, in: table)
      }
      columns.append(column)
      sourceColumns.append(from)
    }
    let available = Set(try image.reader.columns(of: source))
    guard sourceColumns.allSatisfy(available.contains) else {
      throw ApplianceError.failed(
        "the database image's table \(source) lacks columns "
          + sourceColumns.filter { !available.contains($0) }.joined(separator: ", "))
    }
    let pages = ImagePages(
      reader: image.reader, table: source, sourceColumns: sourceColumns, columns: columns,
      target: table, cancel: cancel)
    // COPY names its table unqualified: the schema is found on the search path.
    try db.execute("SET LOCAL search_path TO \(schema)")
    // FREEZE: the table was created (or truncated) in this transaction, so its rows can be
    // written as already visible to all, sparing the index builds and checks after it a
    // visibility test per row (and a later vacuum a pass over them).
    if truncating { try db.query("TRUNCATE \(table)") }
    try db.copyInBinary(table: table, columns: columns.map(\.name), freeze: true) {
      try pages.next()
    }
    try db.execute("SET LOCAL search_path TO \(PostgresSchema.live)")
  }

  /// An opened image and what loading it into `generation` means.
  final class Image {
    let reader: any ArchiveImageReader
    let present: Set<String>
    /// A 4.x image loaded into 5.x tables.
    let migrating: Bool

    init(_ url: URL, into generation: SchemaGeneration) throws {
      reader = try StoreEngines.bodyFormat().openImage(at: url)
      do {
        present = Set(try reader.tables())
        let found = try PostgresLoader.imageGeneration(reader)
        guard found == generation || (found == .legacy && generation == .current) else {
          throw ApplianceError.failed(
            "a \(found.applianceVersion) database image cannot be loaded into a"
              + " \(generation.applianceVersion) schema")
        }
        migrating = found != generation
      } catch {
        reader.close()
        throw error
      }
    }

    func close() { reader.close() }
  }

  /// The schema generation the image's `meta` names.
  static func imageGeneration(_ reader: any ArchiveImageReader) throws -> SchemaGeneration {
    let rows = ArchiveRowBuffer(columns: 2)
    var after: Int64 = 0
    while let last = try reader.rows(
      of: "meta", columns: ["key", "value"], after: after, limit: 100, into: rows)
    {
      for row in 0..<rows.rowCount where rows.value(row, 0) == .text("schema_version") {
        guard case .text(let text) = rows.value(row, 1), let number = Int(text) else { break }
        return try SchemaGeneration(schemaVersion: number)
      }
      after = last
    }
    throw ApplianceError.failed("the database image names no schema version")
  }
}

/// One table of the image as binary COPY data, a page of rows per chunk.
private final class ImagePages: @unchecked Sendable {
  let reader: any ArchiveImageReader
  let table: String
  let sourceColumns: [String]
  let columns: [CopyBinary.Column]
  let target: String
  let cancel: (any Cancellation)?
  let rows: ArchiveRowBuffer
  var after: Int64 = 0
  var started = false
  var done = false

  init(
    reader: any ArchiveImageReader, table: String, sourceColumns: [String],
    columns: [CopyBinary.Column], target: String, cancel: (any Cancellation)?
  ) {
    self.reader = reader
    self.table = table
    self.sourceColumns = sourceColumns
    self.columns = columns
    self.target = target
    self.cancel = cancel
    rows = ArchiveRowBuffer(columns: columns.count)
  }

  func next() throws -> ByteBuffer? {
    guard !done else { return nil }
    // Ctrl-C ends the COPY (and its transaction) at the next page, not the next table.
    if started { FaultInjection.reached("restore.loading-page") }
    try cancel?.check()
    var buffer = ByteBufferAllocator().buffer(capacity: rows.byteCount + 1 << 16)
    if !started {
      CopyBinary.appendHeader(to: &buffer)
      started = true
    }
    if let last = try reader.rows(
      of: table, columns: sourceColumns, after: after, limit: 5_000, into: rows)
    {
      after = last
      try CopyBinary.append(rows, columns: columns, table: target, to: &buffer)
    } else {
      CopyBinary.appendTrailer(to: &buffer)
      done = true
    }
    return buffer
  }
}

/// Runs `body` on a thread of its own with a connection of its own to `endpoint`.
private final class Worker: @unchecked Sendable {
  // `failure` is written by the thread before `done` is signalled, read after the wait.
  private let done = DispatchSemaphore(value: 0)
  private var failure: (any Error)?

  init(endpoint: PGEndpoint, _ body: @escaping @Sendable (PGConnection) throws -> Void) {
    let thread = Thread { [self] in
      do {
        let connection = try PGConnection(endpoint)
        defer { connection.close() }
        try body(connection)
      } catch {
        failure = error
      }
      done.signal()
    }
    thread.start()
  }

  /// Waits for the thread; rethrows what it threw.
  func wait() throws {
    done.wait()
    if let failure { throw failure }
  }
}
