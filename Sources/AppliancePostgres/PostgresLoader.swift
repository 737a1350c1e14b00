import Appliance
import Foundation
import NIOCore

/// Loads an archive image into a new schema with binary `COPY ... FROM STDIN`, table by table,
/// in the caller's transaction. A 4.x image loads into 5.x tables directly: every row is
/// migrated as it is encoded (`LegacyImageMapping`), so no migrated copy of the image is written.
enum PostgresLoader {
  /// Creates `schema` with the tables of `generation` and fills them from the image at `url`.
  static func load(
    image url: URL, into schema: String, generation: SchemaGeneration, _ db: PGConnection,
    progress: (any ProgressSink)? = nil, cancel: (any Cancellation)? = nil
  ) throws {
    let reader = try StoreEngines.bodyFormat().openImage(at: url)
    defer { reader.close() }
    let present = Set(try reader.tables())
    let found = try imageGeneration(reader)
    guard found == generation || (found == .legacy && generation == .current) else {
      throw ApplianceError.failed(
        "a \(found.applianceVersion) database image cannot be loaded into a"
          + " \(generation.applianceVersion) schema")
    }
    let migrating = found != generation
    try db.execute("CREATE SCHEMA \(schema); " + PostgresSchema.ddl(generation, in: schema))
    let reattach = try PostgresConstraints.detach(schema, db)
    // COPY names its table unqualified: the schema is found on the search path.
    try db.execute("SET LOCAL search_path TO \(schema)")
    for table in PostgresSchema.tables(generation) {
      try cancel?.check()
      let source = migrating ? LegacyImageMapping.sourceTable(of: table) : table
      guard let source, present.contains(source) else { continue }
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
        if migrating { (from, column.transform) = LegacyImageMapping.source(of: name, in: table) }
        columns.append(column)
        sourceColumns.append(from)
      }
      let available = Set(try reader.columns(of: source))
      guard sourceColumns.allSatisfy(available.contains) else {
        throw ApplianceError.failed(
          "the database image's table \(source) lacks columns "
            + sourceColumns.filter { !available.contains($0) }.joined(separator: ", "))
      }
      let pages = ImagePages(
        reader: reader, table: source, sourceColumns: sourceColumns, columns: columns,
        target: table)
      // FREEZE: the table was created in this transaction, so its rows can be written as
      // already visible to all, sparing the index builds and checks below a visibility test
      // per row (and a later vacuum a pass over them).
      try db.copyInBinary(table: table, columns: columns.map(\.name), freeze: true) {
        try pages.next()
      }
    }
    if migrating {
      for update in LegacyImageMapping.metaUpdates { try db.query(update.sql, update.binds) }
    }
    for statement in reattach { try db.query(statement) }
    // No ANALYZE here (pg_restore runs none either): autovacuum analyses the freshly loaded
    // tables within its next round, and nothing the appliance asks needs statistics sooner.
    try db.execute("SET LOCAL search_path TO \(PostgresSchema.live)")
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
  let rows: ArchiveRowBuffer
  var after: Int64 = 0
  var started = false
  var done = false

  init(
    reader: any ArchiveImageReader, table: String, sourceColumns: [String],
    columns: [CopyBinary.Column], target: String
  ) {
    self.reader = reader
    self.table = table
    self.sourceColumns = sourceColumns
    self.columns = columns
    self.target = target
    rows = ArchiveRowBuffer(columns: columns.count)
  }

  func next() throws -> ByteBuffer? {
    guard !done else { return nil }
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
