import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite("Damaged backup archives", .engines) struct BackupArchiveDamageTests {
  /// Runs every reading entry point on `archive` and returns the errors they agree on, checking
  /// that none leaves an output file behind.
  static func readAll(_ archive: URL, _ fixture: BackupArchiveFixture) -> [ApplianceError?] {
    let verify = BackupArchiveFixture.error { _ = try BackupArchive.verify(archive) }
    let extract = BackupArchiveFixture.error {
      _ = try BackupArchive.extract(archive, to: fixture.url("out.db"))
    }
    #expect(!fixture.exists("out.db"))
    let copy = BackupArchiveFixture.error {
      _ = try BackupArchive.copyVerified(archive, to: fixture.url("copy.trbk"))
    }
    #expect(!fixture.exists("copy.trbk"))
    #expect(!fixture.exists("copy.trbk.partial"))
    return [verify, extract, copy]
  }

  static func expectTruncated(_ errors: [ApplianceError?], at position: Int) {
    for error in errors {
      #expect(error?.kind == .validation, "position \(position)")
      let message = error?.message ?? ""
      #expect(message.contains("truncated"), "position \(position): \(message)")
      if position > 0 {
        #expect(message.contains("ends at byte \(position),"), "position \(position): \(message)")
      }
    }
  }

  @Test func truncationAtEveryByteOfASmallArchive() throws {
    let fixture = try BackupArchiveFixture()
    let (_, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 300, compressible: true))
    let truncated = fixture.url("t.trbk")
    for position in 0..<bytes.count {
      try Data(bytes.prefix(position)).write(to: truncated)
      Self.expectTruncated(Self.readAll(truncated, fixture), at: position)
    }
  }

  /// Positions spread over a larger archive: every part of the header, many body chunks, the trailer.
  static func positions(archiveSize: Int, headerSize: Int, count: Int) -> [Int] {
    let trailerStart = archiveSize - BackupFormat.trailerSize
    let header = (0..<16).map { $0 * headerSize / 16 } + [headerSize - 1, headerSize - 33]
    let body = (0..<(count - 34)).map {
      headerSize + 1 + $0 * (trailerStart - headerSize - 2) / (count - 34)
    }
    let trailer = (0..<16).map { trailerStart + $0 * BackupFormat.trailerSize / 16 }
    return header + body + trailer
  }

  @Test func truncationAcrossALargerArchive() throws {
    let fixture = try BackupArchiveFixture()
    let (_, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 7 << 20, compressible: false))
    let headerSize = try BackupArchive.encode(
      {
        var header = BackupArchiveFixture.header
        header.bodyBytes = 7 << 20
        return header
      }()
    ).count
    let truncated = fixture.url("t.trbk")
    let positions = Self.positions(archiveSize: bytes.count, headerSize: headerSize, count: 64)
    #expect(positions.count == 64)
    for position in positions {
      try Data(bytes.prefix(position)).write(to: truncated)
      Self.expectTruncated(Self.readAll(truncated, fixture), at: position)
    }
  }

  @Test(arguments: [false, true])
  func aFlippedByteAnywhereIsDetected(compressible: Bool) throws {
    let fixture = try BackupArchiveFixture()
    let size = 7 << 20
    let (_, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: size, compressible: compressible))
    var header = BackupArchiveFixture.header
    header.bodyBytes = Int64(size)
    let headerSize = try BackupArchive.encode(header).count
    let damaged = fixture.url("d.trbk")
    for (index, position) in Self.positions(
      archiveSize: bytes.count, headerSize: headerSize, count: 64
    ).enumerated() {
      var copy = bytes
      // Alternate whole-byte and single-bit damage.
      copy[position] ^= index.isMultiple(of: 2) ? 0xFF : UInt8(1 << (index % 8))
      try Data(copy).write(to: damaged)
      for error in Self.readAll(damaged, fixture) {
        #expect(error?.kind == .validation, "position \(position)")
        let message = error?.message ?? ""
        #expect(
          message.contains("damaged") || message.contains("bad magic"),
          "position \(position): \(message)")
        #expect(!message.contains("truncated"), "position \(position): \(message)")
      }
      if position < headerSize {
        #expect(
          BackupArchiveFixture.error { _ = try BackupArchive.readHeader(damaged) }?.kind
            == .validation)
      }
    }
  }

  @Test func badMagicIsNamed() throws {
    let fixture = try BackupArchiveFixture()
    var sqlite = Array("SQLite format 3\0".utf8)
    sqlite += [UInt8](repeating: 0, count: 200)
    for (name, bytes) in [("sqlite.db", sqlite), ("short", Array("XY".utf8))] {
      let url = try fixture.makeFile(name, bytes)
      let errors =
        Self.readAll(url, fixture) + [
          BackupArchiveFixture.error { _ = try BackupArchive.readHeader(url) }
        ]
      for error in errors {
        #expect(error == .validation("not a trsh backup (bad magic)"))
      }
    }
  }

  @Test func bytesAfterTheTrailerAreDamage() throws {
    let fixture = try BackupArchiveFixture()
    let (_, bytes) = try fixture.makeArchive("b.trbk", body: [1, 2, 3])
    let url = try fixture.makeFile("long.trbk", bytes + [0])
    for error in Self.readAll(url, fixture) {
      #expect(error == .validation("backup is damaged: 1 unexpected bytes follow the trailer"))
    }
  }

  @Test func aNewerFormatVersionIsRefused() throws {
    let fixture = try BackupArchiveFixture()
    var (_, bytes) = try fixture.makeArchive("b.trbk", body: [1, 2, 3])
    bytes[4] = 2
    let url = try fixture.makeFile("newer.trbk", bytes)
    let error = BackupArchiveFixture.error { _ = try BackupArchive.readHeader(url) }
    #expect(error?.kind == .validation)
    #expect(error?.message.contains("format version 2 is not supported") == true)
  }

  @Test func copyOfADamagedArchiveLeavesNothingAtTheDestination() throws {
    let fixture = try BackupArchiveFixture()
    var (_, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 3 << 20, compressible: true))
    bytes[bytes.count / 2] ^= 0x10
    let url = try fixture.makeFile("damaged.trbk", bytes)
    let destination = fixture.url("uploads-damaged.trbk")
    let error = BackupArchiveFixture.error {
      _ = try BackupArchive.copyVerified(url, to: destination)
    }
    #expect(error?.kind == .validation)
    #expect(!fixture.exists("uploads-damaged.trbk"))
    #expect(!fixture.exists("uploads-damaged.trbk.partial"))
  }
}
