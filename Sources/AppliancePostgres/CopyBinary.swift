import Appliance
import NIOCore

/// PostgreSQL's binary COPY format: a signature and two zero words, then per row a 16-bit
/// field count and per field a 32-bit length (-1: NULL) and the value in the column type's
/// binary form; a field count of -1 ends the data.
enum CopyBinary {
  /// A column's type on the server, as far as the binary form goes.
  enum ColumnType {
    case int8, float8, text, bytea

    init(udtName: String, column: String) throws {
      switch udtName {
      case "int8": self = .int8
      case "float8": self = .float8
      case "text", "varchar": self = .text
      case "bytea": self = .bytea
      default:
        throw ApplianceError.failed(
          "column \(column) has type \(udtName), which a load cannot fill")
      }
    }
  }

  /// How one column of the table is filled from a cell of the image's row.
  struct Column {
    var name: String
    var type: ColumnType
    var transform: LegacyImageMapping.Transform = .copy
  }

  static func appendHeader(to buffer: inout ByteBuffer) {
    buffer.writeBytes(Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00])
    buffer.writeInteger(Int32(0))  // flags
    buffer.writeInteger(Int32(0))  // header extension length
  }

  static func appendTrailer(to buffer: inout ByteBuffer) {
    buffer.writeInteger(Int16(-1))
  }

  /// Appends every row of `rows` (cells in `columns` order).
  static func append(
    _ rows: ArchiveRowBuffer, columns: [Column], table: String, to buffer: inout ByteBuffer
  ) throws {
    for row in 0..<rows.rowCount {
      buffer.writeInteger(Int16(columns.count))
      for (index, column) in columns.enumerated() {
        try appendField(rows.cell(row, index), column, table: table, to: &buffer)
      }
    }
  }

  private static func appendField(
    _ cell: ArchiveCell, _ column: Column, table: String, to buffer: inout ByteBuffer
  ) throws {
    if case .null = cell {
      buffer.writeInteger(Int32(-1))
      return
    }
    switch column.transform {
    case .copy: break
    case .commaListToJSONArray:
      try appendJSONArray(of: cell, column, table: table, to: &buffer)
      return
    case .minutesToSeconds:
      let minutes = try integer(cell, column, table: table)
      buffer.writeInteger(Int32(8))
      buffer.writeInteger(minutes &* 60)
      return
    }
    switch column.type {
    case .int8:
      buffer.writeInteger(Int32(8))
      buffer.writeInteger(try integer(cell, column, table: table))
    case .float8:
      let value: Double
      switch cell {
      case .real(let v): value = v
      case .integer(let v): value = Double(v)
      default: throw notA("number", column, table: table)
      }
      buffer.writeInteger(Int32(8))
      buffer.writeInteger(value.bitPattern)
    case .text, .bytea:
      switch cell {
      case .null: break
      case .text(let bytes), .blob(let bytes):
        // A blob in a text column arrives as its bytes; PostgreSQL checks they are UTF-8.
        buffer.writeInteger(Int32(bytes.count))
        buffer.writeBytes(bytes)
      case .integer(let v): appendString(String(v), to: &buffer)
      case .real(let v): appendString("\(v)", to: &buffer)
      }
    }
  }

  private static func appendString(_ string: String, to buffer: inout ByteBuffer) {
    buffer.writeInteger(Int32(string.utf8.count))
    buffer.writeString(string)
  }

  /// The migration's `'["' || replace(list, ',', '","') || '"]'`, `'[]'` for an empty list.
  private static func appendJSONArray(
    of cell: ArchiveCell, _ column: Column, table: String, to buffer: inout ByteBuffer
  ) throws {
    switch cell {
    case .text(let list):
      guard !list.isEmpty else {
        appendString("[]", to: &buffer)
        return
      }
      let commas = list.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
      buffer.writeInteger(Int32(list.count + 4 + 2 * commas))
      buffer.writeStaticString("[\"")
      var start = 0
      for (i, byte) in list.enumerated() where byte == UInt8(ascii: ",") {
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: list[start..<i]))
        buffer.writeStaticString("\",\"")
        start = i + 1
      }
      buffer.writeBytes(UnsafeRawBufferPointer(rebasing: list[start...]))
      buffer.writeStaticString("\"]")
    case .integer(let v): appendString("[\"\(v)\"]", to: &buffer)
    default: throw notA("text", column, table: table)
    }
  }

  private static func integer(_ cell: ArchiveCell, _ column: Column, table: String) throws -> Int64
  {
    switch cell {
    case .integer(let v): return v
    case .real(let v) where v.rounded() == v && abs(v) < 9.2e18: return Int64(v)
    case .text(let bytes):
      if let v = Int64(String(decoding: bytes, as: UTF8.self)) { return v }
      throw notA("integer", column, table: table)
    default: throw notA("integer", column, table: table)
    }
  }

  private static func notA(_ kind: String, _ column: Column, table: String) -> ApplianceError {
    ApplianceError.failed(
      "the database image's \(table).\(column.name) holds a value that is not a \(kind)")
  }
}
