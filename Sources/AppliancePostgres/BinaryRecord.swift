import Appliance
import NIOCore

/// PostgreSQL's binary form of a record (`record_send`), read into an `ArchiveRowBuffer` as
/// one row: a column count, then per column its type, length (-1: NULL) and value.
enum BinaryRecord {
  static func parse(
    _ record: inout ByteBuffer, columns: Int, into rows: ArchiveRowBuffer, table: String
  ) throws {
    // Read through a raw pointer: a million rows, field by field through ByteBuffer's
    // checked reads, took longer than the server needed to send them.
    try record.withUnsafeReadableBytes { bytes in
      try parse(bytes, columns: columns, into: rows, table: table)
    }
  }

  static func parse(
    _ bytes: UnsafeRawBufferPointer, columns: Int, into rows: ArchiveRowBuffer, table: String
  ) throws {
    func malformed() -> ApplianceError {
      ApplianceError.failed("the database sent a row of \(table) this program cannot read")
    }
    var at = 0
    func word<T: FixedWidthInteger>(_: T.Type) throws -> T {
      guard at + MemoryLayout<T>.size <= bytes.count else { throw malformed() }
      defer { at += MemoryLayout<T>.size }
      return T(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
    }
    guard try word(Int32.self) == columns else { throw malformed() }
    for _ in 0..<columns {
      let type = try word(UInt32.self)
      let size = Int(try word(Int32.self))
      if size < 0 {
        rows.appendNull()
        continue
      }
      guard at + size <= bytes.count else { throw malformed() }
      let value = UnsafeRawBufferPointer(rebasing: bytes[at..<at + size])
      switch (type, size) {
      case (20, 8):  // int8
        rows.appendInteger(try word(Int64.self))
        continue
      case (23, 4):  // int4
        rows.appendInteger(Int64(try word(Int32.self)))
        continue
      case (21, 2):  // int2
        rows.appendInteger(Int64(try word(Int16.self)))
        continue
      case (701, 8):  // float8
        rows.appendReal(Double(bitPattern: try word(UInt64.self)))
        continue
      case (25, _), (1043, _):  // text, varchar
        rows.appendText(value)
      case (17, _):  // bytea
        rows.appendBlob(value)
      case (20, _), (23, _), (21, _), (701, _):
        throw malformed()
      default:
        throw ApplianceError.failed(
          "the database sent \(table) a column of type \(type), which a backup cannot hold")
      }
      at += size
    }
    rows.endRow()
  }
}
