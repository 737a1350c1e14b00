import Appliance
import NIOCore

/// PostgreSQL's binary form of a record (`record_send`), read into an `ArchiveRowBuffer` as
/// one row: a column count, then per column its type, length (-1: NULL) and value.
enum BinaryRecord {
  static func parse(
    _ record: inout ByteBuffer, columns: Int, into rows: ArchiveRowBuffer, table: String
  ) throws {
    func malformed() -> ApplianceError {
      ApplianceError.failed("the database sent a row of \(table) this program cannot read")
    }
    guard let fields = record.readInteger(as: Int32.self), fields == columns else {
      throw malformed()
    }
    for _ in 0..<fields {
      guard let type = record.readInteger(as: UInt32.self),
        let size = record.readInteger(as: Int32.self)
      else { throw malformed() }
      if size < 0 {
        rows.appendNull()
        continue
      }
      guard var value = record.readSlice(length: Int(size)) else { throw malformed() }
      switch type {
      case 20:  // int8
        guard let v = value.readInteger(as: Int64.self) else { throw malformed() }
        rows.appendInteger(v)
      case 23:  // int4
        guard let v = value.readInteger(as: Int32.self) else { throw malformed() }
        rows.appendInteger(Int64(v))
      case 21:  // int2
        guard let v = value.readInteger(as: Int16.self) else { throw malformed() }
        rows.appendInteger(Int64(v))
      case 701:  // float8
        guard let v = value.readInteger(as: UInt64.self) else { throw malformed() }
        rows.appendReal(Double(bitPattern: v))
      case 25, 1043:  // text, varchar
        value.withUnsafeReadableBytes { rows.appendText($0) }
      case 17:  // bytea
        value.withUnsafeReadableBytes { rows.appendBlob($0) }
      default:
        throw ApplianceError.failed(
          "the database sent \(table) a column of type \(type), which a backup cannot hold")
      }
    }
    rows.endRow()
  }
}
