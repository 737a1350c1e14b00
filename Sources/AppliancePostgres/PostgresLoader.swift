import Appliance
import Foundation
import NIOCore

/// Loads an archive image into a new schema with `COPY ... FROM STDIN`, table by table, in
/// the caller's transaction (PostgresNIO streams COPY in text format).
enum PostgresLoader {
  /// Creates `schema` with the tables of `generation` and fills them from the image at `url`.
  static func load(
    image url: URL, into schema: String, generation: SchemaGeneration, _ db: PGConnection,
    progress: (any ProgressSink)? = nil, cancel: (any Cancellation)? = nil
  ) throws {
    let reader = try StoreEngines.bodyFormat().openImage(at: url)
    defer { reader.close() }
    let present = Set(try reader.tables())
    try db.execute("CREATE SCHEMA \(schema); " + PostgresSchema.ddl(generation, in: schema))
    let reattach = try PostgresConstraints.detach(schema, db)
    // COPY names its table unqualified: the schema is found on the search path.
    try db.execute("SET LOCAL search_path TO \(schema)")
    for table in PostgresSchema.tables(generation) where present.contains(table) {
      try cancel?.check()
      let columns = try PostgresStore.columnNames(db, table: table, schema: schema)
      let available = Set(try reader.columns(of: table))
      guard columns.allSatisfy(available.contains) else {
        throw ApplianceError.failed(
          "the database image's table \(table) lacks columns "
            + columns.filter { !available.contains($0) }.joined(separator: ", "))
      }
      let source = ImagePages(reader: reader, table: table, columns: columns)
      try db.copyIn(table: table, columns: columns) { try source.next() }
    }
    for statement in reattach { try db.query(statement) }
    // Statistics for the loaded tables only (not the live schema beside them).
    for table in PostgresSchema.tables(generation) where present.contains(table) {
      try db.query("ANALYZE \(schema).\(table)")
    }
    try db.execute("SET LOCAL search_path TO \(PostgresSchema.live)")
  }
}

/// One table of the image as COPY text, a page of rows per chunk.
private final class ImagePages: @unchecked Sendable {
  let reader: any ArchiveImageReader
  let table: String
  let columns: [String]
  var after: Int64 = 0
  var done = false

  init(reader: any ArchiveImageReader, table: String, columns: [String]) {
    self.reader = reader
    self.table = table
    self.columns = columns
  }

  func next() throws -> ByteBuffer? {
    guard !done else { return nil }
    var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
    let last = try reader.rows(of: table, columns: columns, after: after, limit: 5_000) { row in
      CopyText.append(row, to: &buffer)
    }
    guard let last else {
      done = true
      return nil
    }
    after = last
    return buffer
  }
}

/// PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes, bytea hex.
enum CopyText {
  static func append(_ row: [ArchiveValue], to buffer: inout ByteBuffer) {
    for (index, value) in row.enumerated() {
      if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
      switch value {
      case .null: buffer.writeStaticString("\\N")
      case .integer(let v): buffer.writeString(String(v))
      case .real(let v): buffer.writeString("\(v)")
      case .text(let s): appendEscaped(s, to: &buffer)
      case .blob(let d):
        buffer.writeStaticString("\\\\x")
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in d {
          buffer.writeInteger(digits[Int(byte >> 4)])
          buffer.writeInteger(digits[Int(byte & 0x0F)])
        }
      }
    }
    buffer.writeInteger(UInt8(ascii: "\n"))
  }

  static func appendEscaped(_ s: String, to buffer: inout ByteBuffer) {
    var s = s
    s.withUTF8 { bytes in
      var start = 0
      for (i, byte) in bytes.enumerated() {
        let escape: StaticString?
        switch byte {
        case UInt8(ascii: "\\"): escape = "\\\\"
        case UInt8(ascii: "\t"): escape = "\\t"
        case UInt8(ascii: "\n"): escape = "\\n"
        case UInt8(ascii: "\r"): escape = "\\r"
        default: escape = nil
        }
        if let escape {
          buffer.writeBytes(
            UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i]))
          buffer.writeStaticString(escape)
          start = i + 1
        }
      }
      buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
    }
  }
}
