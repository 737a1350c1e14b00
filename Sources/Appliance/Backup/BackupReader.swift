import Crypto

/// Reads an archive front to back through one large buffer, hashing what it consumes and
/// optionally copying every byte it reads to a second file (for `copyVerified`), and turns a
/// premature end of file into an error that says where the archive breaks.
final class BackupReader {
  let file: BackupFileDescriptor
  /// Size when opened; a shorter read than this means the file shrank under us.
  let fileSize: Int64
  var section = BackupSection.preamble
  /// Whether consumed bytes feed the trailer digest (everything before the trailer does).
  var isHashing = true
  /// Offset of the next byte to be consumed.
  private(set) var position: Int64 = 0

  private var hasher = SHA256()
  private var buffer: UnsafeMutableRawBufferPointer
  private var start = 0
  private var end = 0
  private let copy: BackupFileDescriptor?

  init(file: BackupFileDescriptor, bufferSize: Int, copyingTo copy: BackupFileDescriptor? = nil)
    throws(ApplianceError)
  {
    self.file = file
    self.fileSize = try file.size()
    self.copy = copy
    buffer = .allocate(byteCount: bufferSize, alignment: 64)
  }

  deinit { buffer.deallocate() }

  var digest: [UInt8] { Array(hasher.finalize()) }

  /// Consumes exactly `count` bytes and returns them (for the small, fixed-size fields).
  func readBytes(_ count: Int, _ what: @autoclosure () -> String) throws(ApplianceError) -> [UInt8]
  {
    try fill(count, what())
    let bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]))
    advance(count)
    return bytes
  }

  func readInteger<T: FixedWidthInteger>(_ type: T.Type, _ what: @autoclosure () -> String)
    throws(ApplianceError) -> T
  {
    try fill(MemoryLayout<T>.size, what())
    let value = BackupFormat.bigEndianInteger(
      UnsafeRawBufferPointer(rebasing: buffer[start..<start + MemoryLayout<T>.size]), as: T.self)
    advance(MemoryLayout<T>.size)
    return value
  }

  /// Hands `body` the buffered bytes (at most `limit`), refilling first if the buffer is empty,
  /// and consumes them; returns how many were consumed. Lets payloads flow without copies.
  func consume(
    upTo limit: Int, _ what: @autoclosure () -> String,
    _ body: (UnsafeRawBufferPointer) throws(ApplianceError) -> Void
  ) throws(ApplianceError) -> Int {
    if start == end { try fill(1, what()) }
    let count = min(limit, end - start)
    try body(UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]))
    advance(count)
    return count
  }

  /// Fails unless `count` more bytes exist, before trusting a length field read from the file.
  func requireRoom(_ count: Int64, _ what: @autoclosure () -> String) throws(ApplianceError) {
    if position + count > fileSize { throw try endOfData(what()) }
  }

  /// The bytes after the current position, for reporting trailing garbage.
  var remainingBytes: Int64 { fileSize - position }

  private func advance(_ count: Int) {
    if isHashing {
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]))
    }
    start += count
    position += Int64(count)
  }

  /// Makes `count` contiguous bytes available, compacting or growing the buffer as needed.
  private func fill(_ count: Int, _ what: @autoclosure () -> String) throws(ApplianceError) {
    if end - start >= count { return }
    if count > buffer.count {
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 64)
      larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
      buffer.deallocate()
      buffer = larger
      end -= start
      start = 0
    } else if start + count > buffer.count || start == end {
      let pending = end - start
      if pending > 0 {
        UnsafeMutableRawBufferPointer(rebasing: buffer[0..<pending])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
      }
      start = 0
      end = pending
    }
    while end - start < count {
      let read = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
      if read == 0 { throw try endOfData(what()) }
      try copy?.write(UnsafeRawBufferPointer(rebasing: buffer[end..<end + read]))
      end += read
    }
  }

  /// A file that ends early is truncated, unless it still ends with a trailer: then a damaged
  /// length field sent us past the end, and calling that truncation would mislead.
  private func endOfData(_ what: String) throws(ApplianceError) -> ApplianceError {
    let size = try file.size()
    if section != .trailer, size >= Int64(BackupFormat.trailerSize) {
      var marker = [UInt8](repeating: 0, count: BackupFormat.trailerMagic.count)
      let offset = size - Int64(BackupFormat.trailerSize)
      let count = marker.withUnsafeMutableBytes { raw in
        (try? file.read(into: raw, at: offset)) ?? 0
      }
      if count == marker.count && marker == BackupFormat.trailerMagic {
        return .validation(
          "backup is damaged: \(what) at byte \(position) runs past the end of the file")
      }
    }
    if size == 0 { return .validation("backup is truncated: the file is empty") }
    return .validation("backup is truncated: it ends at byte \(size), inside \(section.rawValue)")
  }
}
