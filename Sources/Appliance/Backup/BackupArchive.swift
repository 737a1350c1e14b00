import Crypto
import Foundation

/// Writes, checks, extracts and copies backup archives as streams, in memory that does not
/// grow with the data (the layout is described on `BackupFormat`).
///
/// Every failure is an `ApplianceError`: `.validation` when the archive is truncated or damaged,
/// `.cancelled` when `isCancelled` returned true, `.failed` for I/O and other errors. No call
/// leaves a partial output behind.
public enum BackupArchive {
  /// Compresses the database image at `source` into an archive at `destination`. The archive is
  /// written to `destination.partial`, synced and renamed into place (replacing any file there);
  /// the partial file is removed on any error or cancellation. `progress` receives database bytes
  /// read and the database size.
  public static func write(
    header: BackupHeader, body source: URL, to destination: URL,
    progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in },
    isCancelled: () -> Bool = { false }
  ) throws(ApplianceError) -> BackupArchiveSummary {
    let input = try BackupFileDescriptor.openForReading(source.path, what: "the snapshot")
    let total = try input.size()
    var header = header
    header.formatVersion = Int(BackupFormat.version)
    header.bodyBytes = total
    let headerBytes = try encode(header)

    let partialPath = destination.path + ".partial"
    let output = try BackupFileDescriptor.create(partialPath, exclusive: false)
    var succeeded = false
    defer {
      if !succeeded {
        try? output.close()
        BackupFileDescriptor.remove(partialPath)
      }
    }

    var hasher = SHA256()
    var archiveBytes = Int64(headerBytes.count)
    try output.write(headerBytes)
    hasher.update(data: headerBytes)

    let compressor = try BackupCompressor(
      level: BackupFormat.compressionLevel, workers: BackupFormat.compressionWorkers,
      pledgedSize: UInt64(total))
    var bodyLength: Int64 = 0
    let emit = { (chunk: UnsafeRawBufferPointer) throws(ApplianceError) in
      hasher.update(bufferPointer: chunk)
      try output.write(chunk)
      bodyLength += Int64(chunk.count)
    }

    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: BackupFormat.ioBufferSize, alignment: 64)
    defer { buffer.deallocate() }
    var done: Int64 = 0
    progress(0, total)
    while true {
      if isCancelled() { throw ApplianceError.cancelled }
      let count = try input.read(into: buffer)
      if count == 0 { break }
      done += Int64(count)
      // The store hands over a finished snapshot; a size change means someone wrote to it.
      if done > total { throw changedWhileReading(source) }
      try compressor.compress(
        UnsafeRawBufferPointer(rebasing: buffer[0..<count]), finish: false, emit)
      progress(done, total)
    }
    if done != total { throw changedWhileReading(source) }
    try compressor.compress(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, emit)
    // The terminating chunk: a zero length.
    let terminator = UnsafeMutableRawBufferPointer(
      rebasing: buffer[0..<BackupFormat.chunkPrefixSize])
    terminator.initializeMemory(as: UInt8.self, repeating: 0)
    try emit(UnsafeRawBufferPointer(terminator))
    archiveBytes += bodyLength

    let digest = Array(hasher.finalize())
    var trailer = BackupFormat.trailerMagic
    BackupFormat.append(UInt64(bodyLength), to: &trailer)
    trailer += digest
    try output.write(trailer)
    archiveBytes += Int64(trailer.count)

    if isCancelled() { throw ApplianceError.cancelled }
    try output.sync()
    try output.close()
    try BackupFileDescriptor.rename(partialPath, to: destination.path)
    succeeded = true
    return BackupArchiveSummary(
      header: header, archiveBytes: archiveBytes, digest: BackupFormat.hex(digest))
  }

  /// Reads and checks the header only: constant time, whatever the size of the body.
  public static func readHeader(_ url: URL) throws(ApplianceError) -> BackupHeader {
    let reader = try BackupReader(
      file: BackupFileDescriptor.openForReading(url.path), bufferSize: 64 << 10)
    return try readHeader(from: reader)
  }

  /// Reads every byte, checking the header, the zstd stream, the sizes and the trailer digest.
  /// `progress` receives archive bytes read and the archive size.
  public static func verify(
    _ url: URL,
    progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in },
    isCancelled: () -> Bool = { false }
  ) throws(ApplianceError) -> BackupHeader {
    let reader = try BackupReader(
      file: BackupFileDescriptor.openForReading(url.path), bufferSize: BackupFormat.ioBufferSize)
    let header = try readHeader(from: reader)
    try readBody(
      from: reader, header: header, into: DiscardedOutput(), progress: progress,
      isCancelled: isCancelled)
    return header
  }

  /// Decompresses the body into `databaseFile`, which must not exist yet, checking everything on
  /// the way; the file is synced on success (unless not `durable`: a scratch file the caller
  /// syncs itself later) and removed on any failure. Other threads write while this one reads,
  /// hashes and decodes; `writes` says how (see `ExtractedFileWrites`).
  public static func extract(
    _ url: URL, to databaseFile: URL, durable: Bool = true,
    writes: ExtractedFileWrites = .writeback,
    progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in },
    isCancelled: () -> Bool = { false }
  ) throws(ApplianceError) -> BackupHeader {
    let reader = try BackupReader(
      file: BackupFileDescriptor.openForReading(url.path), bufferSize: BackupFormat.ioBufferSize)
    let header = try readHeader(from: reader)
    let output = try BackupFileDescriptor.create(databaseFile.path, exclusive: true)
    output.startsWriteback = writes != .cached
    // Two direct writers keep two requests in flight: the disk, not one request's round trip,
    // sets the pace.
    let direct = writes == .direct && output.openDirectWrites()
    // Direct writes may still sit in the disk's cache: flushing it as the file grows spares the
    // final fsync a flush of the whole file.
    let writer = BackgroundFileWriter(
      file: output, writers: direct ? 2 : 1, syncEvery: direct ? 64 << 20 : nil)
    var succeeded = false
    defer {
      if !succeeded {
        writer.abandon()
        try? output.close()
        BackupFileDescriptor.remove(databaseFile.path)
      }
    }
    try readBody(
      from: reader, header: header, into: writer, progress: progress, isCancelled: isCancelled)
    try writer.finish()
    if durable { try output.sync() }
    try output.close()
    succeeded = true
    return header
  }

  /// Copies an archive to `destination` (through `destination.partial`, replacing any file
  /// there), checking every byte as it passes; the copy lands only if the whole archive is sound.
  public static func copyVerified(
    _ url: URL, to destination: URL,
    progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in },
    isCancelled: () -> Bool = { false }
  ) throws(ApplianceError) -> BackupHeader {
    let input = try BackupFileDescriptor.openForReading(url.path)
    let partialPath = destination.path + ".partial"
    let output = try BackupFileDescriptor.create(partialPath, exclusive: false)
    var succeeded = false
    defer {
      if !succeeded {
        try? output.close()
        BackupFileDescriptor.remove(partialPath)
      }
    }
    let reader = try BackupReader(
      file: input, bufferSize: BackupFormat.ioBufferSize, copyingTo: output)
    let header = try readHeader(from: reader)
    try readBody(
      from: reader, header: header, into: DiscardedOutput(), progress: progress,
      isCancelled: isCancelled)
    try output.sync()
    try output.close()
    try BackupFileDescriptor.rename(partialPath, to: destination.path)
    succeeded = true
    return header
  }

  // MARK: - Format

  static func encode(_ header: BackupHeader) throws(ApplianceError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json: Data
    do { json = try encoder.encode(header) } catch {
      throw .failed("cannot encode the backup header: \(error)")
    }
    guard json.count <= BackupFormat.maxHeaderSize else {
      throw .failed("the backup header is too large")
    }
    var bytes = BackupFormat.magic
    bytes.append(BackupFormat.version)
    BackupFormat.append(UInt32(json.count), to: &bytes)
    bytes += json
    bytes += SHA256.hash(data: bytes)
    return bytes
  }

  private static func readHeader(from reader: BackupReader) throws(ApplianceError) -> BackupHeader {
    reader.section = .preamble
    let magicLength = BackupFormat.magic.count
    if reader.fileSize < Int64(magicLength) {
      // Too short even for the magic: truncated if what is there starts like a backup.
      let present = Int(reader.fileSize)
      let bytes = try reader.readBytes(present, "the magic")
      guard bytes.elementsEqual(BackupFormat.magic.prefix(present)) else { throw notABackup() }
      _ = try reader.readBytes(magicLength, "the magic")  // reports the truncation
    }
    let magic = try reader.readBytes(magicLength, "the magic")
    guard magic == BackupFormat.magic else { throw notABackup() }
    let version = try reader.readBytes(1, "the format version")[0]
    guard version == BackupFormat.version else {
      throw ApplianceError.validation(
        "backup is damaged or was written by a newer trsh: format version \(version) is not supported "
          + "(this trsh reads version \(BackupFormat.version))")
    }
    let lengthBytes = try reader.readBytes(4, "the header length")
    let length = BackupFormat.bigEndianInteger(lengthBytes, as: UInt32.self)
    guard length > 0, length <= BackupFormat.maxHeaderSize else {
      throw ApplianceError.validation(
        "backup header is damaged: its length (\(length) bytes) is implausible")
    }
    reader.section = .header
    try reader.requireRoom(Int64(length) + Int64(BackupFormat.digestSize), "the header length")
    let json = try reader.readBytes(Int(length), "the header")
    let stored = try reader.readBytes(BackupFormat.digestSize, "the header digest")
    let computed = Array(SHA256.hash(data: magic + [version] + lengthBytes + json))
    guard stored == computed else {
      throw ApplianceError.validation("backup header is damaged: its digest does not match")
    }
    let header: BackupHeader
    do {
      header = try JSONDecoder().decode(BackupHeader.self, from: Data(json))
    } catch {
      throw .validation("backup header is damaged: it cannot be decoded (\(error))")
    }
    guard header.formatVersion == Int(version), header.bodyBytes >= 0 else {
      throw .validation("backup header is damaged: it contradicts the preamble")
    }
    return header
  }

  private static func readBody(
    from reader: BackupReader, header: BackupHeader, into output: any DecodedOutput,
    progress: (_ done: Int64, _ total: Int64) -> Void, isCancelled: () -> Bool
  ) throws(ApplianceError) {
    reader.section = .body
    let bodyStart = reader.position
    let decompressor = try BackupDecompressor(limit: header.bodyBytes)
    progress(reader.position, reader.fileSize)
    while true {
      if isCancelled() { throw ApplianceError.cancelled }
      let chunkStart = reader.position
      let length = try reader.readInteger(
        UInt32.self, "the length of the body chunk at byte \(chunkStart)")
      if length == 0 { break }
      guard length <= BackupFormat.maxChunkPayload else {
        throw ApplianceError.validation(
          "backup is damaged: the body chunk at byte \(chunkStart) has an implausible length (\(length) bytes)"
        )
      }
      try reader.requireRoom(Int64(length), "the body chunk starting")
      var remaining = Int(length)
      while remaining > 0 {
        remaining -= try reader.consume(upTo: remaining, "the body chunk at byte \(chunkStart)") {
          (bytes) throws(ApplianceError) in try decompressor.decompress(bytes, into: output)
        }
      }
      FaultInjection.reached("archive.after-body-chunk")
      progress(reader.position, reader.fileSize)
    }
    guard decompressor.isFrameComplete else {
      throw ApplianceError.validation(
        "backup is damaged: its compressed body ends before the compressed data does")
    }
    guard decompressor.produced == header.bodyBytes else {
      throw ApplianceError.validation(
        "backup is damaged: its body holds \(decompressor.produced) bytes but the header records \(header.bodyBytes)"
      )
    }
    let bodyLength = reader.position - bodyStart
    let digest = reader.digest
    reader.isHashing = false
    reader.section = .trailer
    let marker = try reader.readBytes(BackupFormat.trailerMagic.count, "the trailer")
    guard marker == BackupFormat.trailerMagic else {
      throw ApplianceError.validation(
        "backup is damaged: its trailer does not start with the end marker")
    }
    let recordedLength = try reader.readInteger(UInt64.self, "the trailer")
    guard recordedLength == UInt64(bodyLength) else {
      throw ApplianceError.validation(
        "backup is damaged: its trailer records a body of \(recordedLength) bytes but the body is \(bodyLength)"
      )
    }
    let storedDigest = try reader.readBytes(BackupFormat.digestSize, "the trailer")
    guard storedDigest == digest else {
      throw ApplianceError.validation("backup is damaged: its integrity digest does not match")
    }
    guard reader.remainingBytes == 0 else {
      throw ApplianceError.validation(
        "backup is damaged: \(reader.remainingBytes) unexpected bytes follow the trailer")
    }
    progress(reader.position, reader.fileSize)
  }

  private static func notABackup() -> ApplianceError {
    .validation("not a trsh backup (bad magic)")
  }

  private static func changedWhileReading(_ source: URL) -> ApplianceError {
    .failed("\(source.path) changed while it was being backed up")
  }
}
