import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite("Backup archive round trips", .engines) struct BackupArchiveTests {
  static let cases: [(size: Int, compressible: Bool)] = [
    (0, true), (1, true), (1, false), (1_000, true), (3 << 20, true), (3 << 20, false),
    // Input buffer (4 MiB) and chunk (2 MiB) boundaries, exactly and one past.
    (4 << 20, true), ((4 << 20) + 1, false), ((2 << 20) - 1, false), ((2 << 20) + 4097, false),
    (9 << 20, true),
  ]

  @Test(arguments: cases)
  func roundTripIsByteIdentical(size: Int, compressible: Bool) throws {
    let fixture = try BackupArchiveFixture()
    let body = BackupArchiveFixture.bytes(count: size, compressible: compressible)
    let source = try fixture.makeFile("source.db", body)
    let archive = fixture.url("backup.trbk")
    var reports: [(Int64, Int64)] = []
    let summary = try BackupArchive.write(
      header: BackupArchiveFixture.header, body: source, to: archive,
      progress: { reports.append(($0, $1)) })

    #expect(summary.header.bodyBytes == Int64(size))
    #expect(summary.archiveBytes == Int64(try fixture.read(archive).count))
    #expect(summary.digest.count == 64)
    #expect(reports.last.map { $0 == (Int64(size), Int64(size)) } == true)
    #expect(!fixture.exists("backup.trbk.partial"))

    #expect(try BackupArchive.readHeader(archive) == summary.header)
    #expect(try BackupArchive.verify(archive) == summary.header)
    let restored = fixture.url("restored.db")
    var extractReports: [(Int64, Int64)] = []
    #expect(
      try BackupArchive.extract(
        archive, to: restored, progress: { extractReports.append(($0, $1)) }) == summary.header)
    #expect(try fixture.read(restored) == body)
    #expect(extractReports.last.map { $0 == (summary.archiveBytes, summary.archiveBytes) } == true)

    let copy = fixture.url("uploads-copy.trbk")
    #expect(try BackupArchive.copyVerified(archive, to: copy) == summary.header)
    #expect(try fixture.read(copy) == (try fixture.read(archive)))
    #expect(!fixture.exists("uploads-copy.trbk.partial"))
  }

  @Test func headerRoundTripsWithoutTheBody() throws {
    let fixture = try BackupArchiveFixture()
    let (archive, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 5 << 20, compressible: false))
    var expected = BackupArchiveFixture.header
    expected.bodyBytes = 5 << 20
    let headerLength = try BackupArchive.encode(expected).count
    // Keep only the header: `backup show` must not need anything after it.
    let headerOnly = try fixture.makeFile("header-only.trbk", Array(bytes.prefix(headerLength)))
    #expect(try BackupArchive.readHeader(headerOnly) == expected)
    #expect(try BackupArchive.readHeader(archive) == expected)
  }

  @Test func compressibleBodiesShrink() throws {
    let fixture = try BackupArchiveFixture()
    let (_, bytes) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 4 << 20, compressible: true))
    #expect(bytes.count < (4 << 20) / 2)
  }

  @Test func cancelledWriteLeavesNothing() throws {
    let fixture = try BackupArchiveFixture()
    let source = try fixture.makeFile(
      "source.db", BackupArchiveFixture.bytes(count: 12 << 20, compressible: true))
    var calls = 0
    let error = BackupArchiveFixture.error {
      _ = try BackupArchive.write(
        header: BackupArchiveFixture.header, body: source, to: fixture.url("b.trbk"),
        isCancelled: {
          calls += 1
          return calls > 2
        })
    }
    #expect(error == .cancelled)
    #expect(!fixture.exists("b.trbk"))
    #expect(!fixture.exists("b.trbk.partial"))
  }

  @Test func cancelledExtractAndCopyLeaveNothing() throws {
    let fixture = try BackupArchiveFixture()
    let (archive, _) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 12 << 20, compressible: false))
    var calls = 0
    let cancelAfterTwo = {
      calls += 1
      return calls > 2
    }
    #expect(
      BackupArchiveFixture.error {
        _ = try BackupArchive.extract(
          archive, to: fixture.url("out.db"), isCancelled: cancelAfterTwo)
      } == .cancelled)
    #expect(!fixture.exists("out.db"))
    calls = 0
    #expect(
      BackupArchiveFixture.error {
        _ = try BackupArchive.copyVerified(
          archive, to: fixture.url("copy.trbk"), isCancelled: cancelAfterTwo)
      } == .cancelled)
    #expect(!fixture.exists("copy.trbk"))
    #expect(!fixture.exists("copy.trbk.partial"))
  }

  @Test func extractRefusesAnExistingFileAndKeepsIt() throws {
    let fixture = try BackupArchiveFixture()
    let (archive, _) = try fixture.makeArchive("b.trbk", body: [1, 2, 3])
    let existing = try fixture.makeFile("live.db", [9, 9])
    let error = BackupArchiveFixture.error { _ = try BackupArchive.extract(archive, to: existing) }
    #expect(error?.kind == .failed)
    #expect(try fixture.read(existing) == [9, 9])
  }

  @Test func stalePartialFileFromAKilledRunIsReplaced() throws {
    let fixture = try BackupArchiveFixture()
    _ = try fixture.makeFile("b.trbk.partial", [1, 2, 3, 4])
    let (archive, _) = try fixture.makeArchive("b.trbk", body: [5, 6, 7])
    #expect(try BackupArchive.verify(archive).bodyBytes == 3)
    #expect(!fixture.exists("b.trbk.partial"))
  }

  @Test func aSourceThatChangesSizeIsRefused() throws {
    let fixture = try BackupArchiveFixture()
    let source = try fixture.makeFile(
      "source.db", BackupArchiveFixture.bytes(count: 6 << 20, compressible: true))
    let handle = try FileHandle(forWritingTo: source)
    defer { try? handle.close() }
    let error = BackupArchiveFixture.error {
      _ = try BackupArchive.write(
        header: BackupArchiveFixture.header, body: source, to: fixture.url("b.trbk"),
        progress: { done, _ in if done > 0 { try? handle.truncate(atOffset: 1 << 20) } })
    }
    #expect(error?.kind == .failed)
    #expect(!fixture.exists("b.trbk"))
    #expect(!fixture.exists("b.trbk.partial"))
  }
}
