import Foundation
import NIOCore
import Testing

@testable import Appliance
@testable import AppliancePostgres

/// The flat row pages and the binary forms they are turned into and read from (COPY binary
/// for a restore, binary records for a backup), byte for byte.
struct ArchiveRowEncodingTests {
  @Test func aPageKeepsEveryCellAcrossGrowth() {
    let rows = ArchiveRowBuffer(columns: 5, byteCapacity: 8)
    let long = String(repeating: "é", count: 300)
    for i in 0..<50 {
      rows.appendInteger(Int64(i) - 25)
      rows.appendText(i % 2 == 0 ? long : "")
      Data([UInt8(i), 0, 255]).withUnsafeBytes { rows.appendBlob($0) }
      rows.appendNull()
      rows.appendReal(Double(i) / 4)
      rows.endRow()
    }
    #expect(rows.rowCount == 50)
    for i in 0..<50 {
      #expect(rows.value(i, 0) == .integer(Int64(i) - 25))
      #expect(rows.value(i, 1) == .text(i % 2 == 0 ? long : ""))
      #expect(rows.value(i, 2) == .blob(Data([UInt8(i), 0, 255])))
      #expect(rows.value(i, 3) == .null)
      #expect(rows.value(i, 4) == .real(Double(i) / 4))
    }
    rows.reset()
    #expect(rows.isEmpty && rows.byteCount == 0)
  }

  @Test func copyBinaryWritesPostgresLayout() throws {
    let rows = ArchiveRowBuffer(columns: 3)
    rows.appendInteger(7)
    rows.appendText("hé")
    rows.appendNull()
    rows.endRow()
    var buffer = ByteBuffer()
    CopyBinary.appendHeader(to: &buffer)
    try CopyBinary.append(
      rows,
      columns: [
        .init(name: "id", type: .int8), .init(name: "t", type: .text),
        .init(name: "b", type: .bytea),
      ], table: "x", to: &buffer)
    CopyBinary.appendTrailer(to: &buffer)
    let expected: [UInt8] =
      Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]
      + [0, 3] + [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7] + [0, 0, 0, 3] + Array("hé".utf8)
      + [0xFF, 0xFF, 0xFF, 0xFF] + [0xFF, 0xFF]
    #expect(Array(buffer.readableBytesView) == expected)
  }

  /// The two transforms of the 4.x → 5.x migration, as SQLite's SQL does them.
  @Test(arguments: [
    ("", "[]"), ("abc", "[\"abc\"]"), ("a,b,c", "[\"a\",\"b\",\"c\"]"), (",", "[\"\",\"\"]"),
  ])
  func attachmentListsBecomeJSONArrays(list: String, json: String) throws {
    let rows = ArchiveRowBuffer(columns: 2)
    rows.appendText(list)
    rows.appendInteger(5)
    rows.endRow()
    var buffer = ByteBuffer()
    try CopyBinary.append(
      rows,
      columns: [
        .init(name: "attachment_hashes", type: .text, transform: .commaListToJSONArray),
        .init(name: "poll_interval_seconds", type: .int8, transform: .minutesToSeconds),
      ], table: "alerts", to: &buffer)
    #expect(buffer.readInteger(as: Int16.self) == 2)
    let length = buffer.readInteger(as: Int32.self) ?? -1
    #expect(buffer.readString(length: Int(length)) == json)
    #expect(buffer.readInteger(as: Int32.self) == 8)
    #expect(buffer.readInteger(as: Int64.self) == 300)
  }

  @Test func aValueOfTheWrongKindIsAClearError() {
    let rows = ArchiveRowBuffer(columns: 1)
    rows.appendText("twelve")
    rows.endRow()
    var buffer = ByteBuffer()
    #expect {
      try CopyBinary.append(
        rows, columns: [.init(name: "score", type: .int8)], table: "incidents", to: &buffer)
    } throws: { error in
      (error as? ApplianceError)?.message.contains("incidents.score") == true
    }
  }

  @Test func binaryRecordsBecomeRows() throws {
    var record = ByteBuffer()
    record.writeInteger(Int32(4))
    record.writeInteger(UInt32(20))
    record.writeInteger(Int32(8))
    record.writeInteger(Int64(-3))
    record.writeInteger(UInt32(25))
    record.writeInteger(Int32(2))
    record.writeString("ok")
    record.writeInteger(UInt32(17))
    record.writeInteger(Int32(-1))
    record.writeInteger(UInt32(17))
    record.writeInteger(Int32(0))
    let rows = ArchiveRowBuffer(columns: 4)
    try BinaryRecord.parse(&record, columns: 4, into: rows, table: "t")
    #expect(rows.rowCount == 1)
    #expect(
      (0..<4).map { rows.value(0, $0) } == [.integer(-3), .text("ok"), .null, .blob(Data())])
    var short = ByteBuffer(bytes: [0, 0, 0, 2, 0, 0, 0, 20])
    #expect(throws: ApplianceError.self) {
      try BinaryRecord.parse(&short, columns: 2, into: ArchiveRowBuffer(columns: 2), table: "t")
    }
  }
}

extension ArchiveRowBuffer {
  fileprivate func appendText(_ text: String) {
    var text = text
    text.withUTF8 { appendText(UnsafeRawBufferPointer($0)) }
  }
}
