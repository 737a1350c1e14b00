import Foundation

/// Writes decoded buffers to a file on a thread of its own, so decoding an archive and the
/// kernel copying the previous buffer into the page cache run on both cores at once.
///
/// A few fixed buffers circulate between the decoder and the writer: memory stays flat and a
/// fast decoder waits for a slow disk. The first write error stops both sides.
final class BackgroundFileWriter: DecodedOutput, @unchecked Sendable {
  private let file: BackupFileDescriptor
  private let bufferSize: Int
  private let buffers: [UnsafeMutableRawBufferPointer]
  // Everything below is guarded by `condition`.
  private let condition = NSCondition()
  private var free: [UnsafeMutableRawBufferPointer]
  private var queued: [UnsafeRawBufferPointer] = []
  private var closing = false
  private var writerDone = false
  private var failure: ApplianceError?

  init(
    file: BackupFileDescriptor, bufferCount: Int = 4,
    bufferSize: Int = BackupFormat.ioBufferSize
  ) {
    self.file = file
    self.bufferSize = bufferSize
    buffers = (0..<bufferCount).map { _ in
      UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64)
    }
    free = buffers
    let thread = Thread { [self] in run() }
    thread.name = "trsh-restore-writer"
    thread.start()
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
    queued.append(bytes)
    condition.broadcast()
  }

  /// Waits until everything delivered is written; throws the writer's error, if any.
  func finish() throws(ApplianceError) {
    condition.lock()
    closing = true
    condition.broadcast()
    while !writerDone { condition.wait() }
    let failure = self.failure
    condition.unlock()
    if let failure { throw failure }
  }

  /// Stops the writer without writing what is still queued (the caller removes the file).
  func abandon() {
    condition.lock()
    if failure == nil { failure = .cancelled }
    closing = true
    condition.broadcast()
    while !writerDone { condition.wait() }
    condition.unlock()
  }

  private func run() {
    condition.lock()
    while true {
      while queued.isEmpty && !closing && failure == nil { condition.wait() }
      if failure != nil || queued.isEmpty { break }
      let bytes = queued.removeFirst()
      condition.unlock()
      var writeError: ApplianceError?
      do { try file.write(bytes) } catch { writeError = error }
      condition.lock()
      if let writeError { failure = failure ?? writeError }
      free.append(
        UnsafeMutableRawBufferPointer(
          start: UnsafeMutableRawPointer(mutating: bytes.baseAddress), count: bufferSize))
      condition.broadcast()
    }
    writerDone = true
    condition.broadcast()
    condition.unlock()
  }
}
