import Foundation
import TestSupport
import Testing

@testable import Appliance

/// The three ways `extract` writes a database give the same file, whatever its size: writes
/// straight to the disk (O_DIRECT) included, with a tail that is not a whole number of sectors.
@Suite(.engines) struct ExtractedFileWritesTests {
  static let modes: [ExtractedFileWrites] = [.cached, .writeback, .direct]

  @Test(arguments: modes, [(9 << 20) + 1_234, 4 << 20, 4_096, 1])
  func everyModeWritesTheSameBytes(writes: ExtractedFileWrites, size: Int) throws {
    let fixture = try BackupArchiveFixture()
    let body = BackupArchiveFixture.bytes(count: size, compressible: false)
    let (archive, _) = try fixture.makeArchive("b.trbk", body: body)
    let out = fixture.url("out.db")
    let header = try BackupArchive.extract(archive, to: out, writes: writes)
    #expect(header.bodyBytes == Int64(size))
    #expect(try fixture.read(out) == body)
  }

  @Test(arguments: modes)
  func cancelledExtractLeavesNothing(writes: ExtractedFileWrites) throws {
    let fixture = try BackupArchiveFixture()
    let (archive, _) = try fixture.makeArchive(
      "b.trbk", body: BackupArchiveFixture.bytes(count: 12 << 20, compressible: false))
    var calls = 0
    let error = BackupArchiveFixture.error {
      _ = try BackupArchive.extract(
        archive, to: fixture.url("out.db"), writes: writes,
        isCancelled: {
          calls += 1
          return calls > 2
        })
    }
    #expect(error == .cancelled)
    #expect(!fixture.exists("out.db"))
  }

  /// Several writers, syncing as they go, each buffer at its own place: the file comes out in
  /// order, and a direct descriptor takes the aligned buffers while the odd tail goes through
  /// the cache.
  @Test(arguments: [1, 2, 3])
  func writersPutEveryBufferInItsPlace(writers: Int) throws {
    let fixture = try BackupArchiveFixture()
    let path = fixture.url("out.db").path
    let file = try BackupFileDescriptor.create(path, exclusive: true)
    // Wherever this folder takes O_DIRECT at all, the writer must be using it.
    let probe = open(
      fixture.url("probe").path, O_WRONLY | O_CREAT | BackupFileDescriptor.directFlag, 0o600)
    let directWorksHere = BackupFileDescriptor.directFlag != 0 && probe >= 0
    if probe >= 0 { close(probe) }
    #expect(file.openDirectWrites() == directWorksHere)
    let bufferSize = 64 << 10
    let writer = BackgroundFileWriter(
      file: file, writers: writers, syncEvery: 128 << 10, bufferCount: 3, bufferSize: bufferSize)
    var expected: [UInt8] = []
    for index in 0..<40 {
      let buffer = try writer.emptyBuffer()
      // The last buffer is short and not sector-sized.
      let count = index == 39 ? 777 : bufferSize
      for offset in 0..<count { buffer[offset] = UInt8(truncatingIfNeeded: index &* 31 &+ offset) }
      expected += buffer[0..<count]
      try writer.deliver(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    try writer.finish()
    try file.close()
    #expect(try fixture.read(URL(fileURLWithPath: path)) == expected)
  }
}
