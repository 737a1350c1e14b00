import Foundation

/// Writes decoded buffers to a file on threads of their own, so decoding an archive and writing
/// the previous buffers run on both cores at once.
///
/// A few fixed buffers circulate between the decoder and the writers: memory stays flat and a
/// fast decoder waits for a slow disk. Each buffer is written at its place in the file, so
/// several writers can keep the disk busy when writes go straight to it (O_DIRECT). The first
/// write error stops both sides.
final class BackgroundFileWriter: DecodedOutput, @unchecked Sendable {
  private let file: BackupFileDescriptor
  private let bufferSize: Int
  private let buffers: [UnsafeMutableRawBufferPointer]
  // Everything below is guarded by `condition`.
  private let condition = NSCondition()
  private var free: [UnsafeMutableRawBufferPointer]
  private var queued: [(bytes: UnsafeRawBufferPointer, offset: Int64)] = []
  private var nextOffset: Int64 = 0
  private var closing = false
  private var runningWriters: Int
  private var failure: ApplianceError?
  /// With `syncEvery`, a writer syncs the file each time that many more bytes are written, so
  /// the disk's own cache is flushed as the file grows rather than all at the final fsync.
  private let syncStep: Int64?
  private var writtenSinceSync: Int64 = 0
  private var syncing = false

  /// `writers` above 1 pays only when writes go to the disk directly: through the page cache,
  /// each write is a CPU-bound copy competing with the decoder.
  init(
    file: BackupFileDescriptor, writers: Int = 1, syncEvery syncStep: Int64? = nil,
    bufferCount: Int = 4, bufferSize: Int = BackupFormat.ioBufferSize
  ) {
    self.file = file
    self.syncStep = syncStep
    self.bufferSize = bufferSize
    // Page-aligned, as O_DIRECT requires of the memory it writes from.
    buffers = (0..<bufferCount).map { _ in
      UnsafeMutableRawBufferPointer.allocate(
        byteCount: bufferSize, alignment: BackupFileDescriptor.directAlignment)
    }
    free = buffers
    runningWriters = writers
    for index in 0..<writers {
      let thread = Thread { [self] in run() }
      thread.name = "trsh-restore-writer-\(index)"
      thread.start()
    }
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }

  func emptyBuffer() throws(ApplianceError) -> UnsafeMutableRawBufferPointer {
    condition.lock()
    defer { condition.unlock() }
    while free.isEmpty && failure == nil { condition.wait() }
    if let failure { throw failure }
    return free.removeLast()
  }

  func deliver(_ bytes: UnsafeRawBufferPointer) throws(ApplianceError) {
    condition.lock()
    defer { condition.unlock() }
    if let failure { throw failure }
    queued.append((bytes, nextOffset))
    nextOffset += Int64(bytes.count)
    condition.broadcast()
  }

  /// Waits until everything delivered is written; throws the writers' first error, if any.
  func finish() throws(ApplianceError) {
    condition.lock()
    closing = true
    condition.broadcast()
    while runningWriters > 0 { condition.wait() }
    let failure = self.failure
    condition.unlock()
    if let failure { throw failure }
  }

  /// Stops the writers without writing what is still queued (the caller removes the file).
  func abandon() {
    condition.lock()
    if failure == nil { failure = .cancelled }
    closing = true
    condition.broadcast()
    while runningWriters > 0 { condition.wait() }
    condition.unlock()
  }

  private func run() {
    condition.lock()
    while true {
      while queued.isEmpty && !closing && failure == nil { condition.wait() }
      if failure != nil || queued.isEmpty { break }
      let (bytes, offset) = queued.removeFirst()
      condition.unlock()
      var writeError: ApplianceError?
      do { try file.write(bytes, at: offset) } catch { writeError = error }
      condition.lock()
      if let writeError { failure = failure ?? writeError }
      free.append(
        UnsafeMutableRawBufferPointer(
          start: UnsafeMutableRawPointer(mutating: bytes.baseAddress), count: bufferSize))
      condition.broadcast()
      writtenSinceSync += Int64(bytes.count)
      if let syncStep, writtenSinceSync >= syncStep, !syncing, failure == nil {
        // One writer syncs while the others go on writing.
        syncing = true
        writtenSinceSync = 0
        condition.unlock()
        var syncError: ApplianceError?
        do { try file.sync() } catch { syncError = error }
        condition.lock()
        syncing = false
        if let syncError { failure = failure ?? syncError }
      }
    }
    runningWriters -= 1
    condition.broadcast()
    condition.unlock()
  }
}
