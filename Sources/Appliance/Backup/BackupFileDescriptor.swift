import CLinuxIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A POSIX file descriptor: the archive code reads and writes with `read`/`write` on large
/// buffers so the hot loop makes no Foundation copies.
final class BackupFileDescriptor {
  let fd: Int32
  let path: String
  private var isOpen = true
  /// Bytes written so far, and how far writeback has been started (see `write`).
  private var written: Int64 = 0
  private var writebackStarted: Int64 = 0
  private static let writebackStep: Int64 = 16 << 20
  /// False for a scratch file about to be rewritten (a legacy database the migration changes
  /// throughout): pages already being written back would stall the rewrite or go out twice.
  var startsWriteback = true
  /// A second descriptor on the same file, opened with O_DIRECT (see `openDirectWrites`), or -1.
  private var directFD: Int32 = -1
  /// What O_DIRECT asks of a write's address, length and offset: 4096 covers 512-byte and
  /// 4 KiB sectors alike.
  static let directAlignment = 4096
  /// O_DIRECT's value on this platform, 0 where unknown.
  static var directFlag: Int32 { trsh_o_direct() }

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit {
    if isOpen { _ = systemClose(fd) }
    if directFD >= 0 { _ = systemClose(directFD) }
  }

  /// Opens an archive (or a database) to read; anything but a regular file is refused before
  /// `open()` could wait on it (a named pipe with no writer) or a read could find no size.
  static func openForReading(_ path: String, what: String = "the backup")
    throws(ApplianceError) -> BackupFileDescriptor
  {
    let fd = try InputFile.openRegular(path, what: what)
    #if os(Linux)
      // The whole file is streamed once, front to back: let the kernel read ahead.
      _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
    #endif
    return BackupFileDescriptor(fd: fd, path: path)
  }

  /// Creates a file readable by its owner only: archives and databases hold the whole instance.
  /// `exclusive` refuses an existing file; otherwise an existing file is truncated (our own
  /// stale partial file from a killed run).
  static func create(_ path: String, exclusive: Bool) throws(ApplianceError) -> BackupFileDescriptor
  {
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (exclusive ? O_EXCL : O_TRUNC)
    let fd = retryingInterrupts { open(path, flags, 0o600) }
    guard fd >= 0 else {
      if errno == EEXIST { throw ApplianceError.failed("\(path) already exists") }
      throw failure("cannot create", path)
    }
    return BackupFileDescriptor(fd: fd, path: path)
  }

  /// Lets `write(_:at:)` send aligned writes straight to the disk, past the page cache: the
  /// kernel then copies nothing, and the final fsync has only metadata left to write. Returns
  /// false, changing nothing, where the file system refuses O_DIRECT.
  @discardableResult
  func openDirectWrites() -> Bool {
    let direct = Self.directFlag
    guard direct != 0, directFD < 0 else { return directFD >= 0 }
    let fd = Self.retryingInterrupts { open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | direct) }
    guard fd >= 0 else { return false }
    // Opened by name: make sure it is still the file `create` made.
    var mine = stat()
    var opened = stat()
    guard fstat(self.fd, &mine) == 0, fstat(fd, &opened) == 0, mine.st_dev == opened.st_dev,
      mine.st_ino == opened.st_ino
    else {
      _ = systemClose(fd)
      return false
    }
    directFD = fd
    return true
  }

  func size() throws(ApplianceError) -> Int64 {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Self.failure("cannot stat", path) }
    return Int64(info.st_size)
  }

  /// Reads up to `buffer.count` bytes; 0 means end of file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(ApplianceError) -> Int {
    guard buffer.count > 0 else { return 0 }
    let count = Self.retryingInterrupts { systemRead(fd, buffer.baseAddress, buffer.count) }
    guard count >= 0 else { throw Self.failure("cannot read", path) }
    return count
  }

  /// Reads up to `buffer.count` bytes at `offset` without moving the file position.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ApplianceError)
    -> Int
  {
    var total = 0
    while total < buffer.count {
      let count = Self.retryingInterrupts {
        pread(fd, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
      }
      guard count >= 0 else { throw Self.failure("cannot read", path) }
      if count == 0 { break }
      total += count
    }
    return total
  }

  func write(_ bytes: UnsafeRawBufferPointer) throws(ApplianceError) {
    var offset = 0
    while offset < bytes.count {
      let count = Self.retryingInterrupts {
        systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
      }
      guard count > 0 else { throw Self.failure("cannot write", path) }
      offset += count
    }
    written += Int64(bytes.count)
    // Start writeback as we go: otherwise a machine with plenty of RAM keeps everything dirty
    // until the final fsync, which then writes the whole file while nothing else runs. The
    // pages stay cached: a restore reads the database it just wrote.
    if startsWriteback && written - writebackStarted >= Self.writebackStep {
      _ = trsh_start_writeback(fd, Int(writebackStarted), Int(written - writebackStarted))
      writebackStarted = written
    }
  }

  /// Writes `bytes` at `offset`, from any thread. With `openDirectWrites`, aligned writes go
  /// to the disk directly and the rest (the file's tail, the remainder of a short write) through
  /// the cache; otherwise writeback of the range starts at once when `startsWriteback`.
  func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(ApplianceError) {
    var done = 0
    while done < bytes.count {
      let start = bytes.baseAddress! + done
      let count = bytes.count - done
      let position = offset + Int64(done)
      let target = directFD >= 0 && Self.isDirectAligned(start, count, position) ? directFD : fd
      var written = Self.retryingInterrupts { pwrite(target, start, count, off_t(position)) }
      if written < 0 && errno == EINVAL && target != fd {
        // A device asking for more than our alignment: this write goes through the cache.
        written = Self.retryingInterrupts { pwrite(fd, start, count, off_t(position)) }
      }
      guard written > 0 else { throw Self.failure("cannot write", path) }
      done += written
    }
    if directFD < 0 && startsWriteback {
      _ = trsh_start_writeback(fd, Int(offset), bytes.count)
    }
  }

  private static func isDirectAligned(_ start: UnsafeRawPointer, _ count: Int, _ offset: Int64)
    -> Bool
  {
    let alignment = directAlignment
    return Int(bitPattern: start) % alignment == 0 && count % alignment == 0
      && offset % Int64(alignment) == 0
  }

  func write(_ bytes: [UInt8]) throws(ApplianceError) {
    // Array.withUnsafeBytes only rethrows untyped errors, so carry the typed one out by hand.
    let failure: ApplianceError? = bytes.withUnsafeBytes { raw in
      do throws(ApplianceError) {
        try write(raw)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
  }

  /// Flushes to stable storage: a backup or restored database that vanishes in a power cut is
  /// worse than none.
  func sync() throws(ApplianceError) {
    guard Self.retryingInterrupts({ fsync(fd) }) == 0 else {
      throw Self.failure("cannot sync", path)
    }
  }

  func close() throws(ApplianceError) {
    guard isOpen else { return }
    isOpen = false
    if directFD >= 0 {
      _ = systemClose(directFD)
      directFD = -1
    }
    // Linux closes the descriptor even when close reports EINTR, so never retry.
    guard systemClose(fd) == 0 else { throw Self.failure("cannot close", path) }
  }

  /// Renames atomically, then syncs the directory so the new name survives a crash.
  static func rename(_ from: String, to: String) throws(ApplianceError) {
    guard systemRename(from, to) == 0 else { throw failure("cannot rename \(from) to", to) }
    let directory = to.lastIndex(of: "/").map { String(to[..<$0]) } ?? "."
    let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      _ = fsync(fd)
      _ = systemClose(fd)
    }
  }

  static func remove(_ path: String) { _ = unlink(path) }

  /// Starts writing the whole file at `path` back to disk without waiting: the later fsync
  /// then finds little left to do. Best effort; a file that cannot be opened is left alone.
  static func startWriteback(ofFileAt path: String) {
    let fd = retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { return }
    _ = trsh_start_writeback(fd, 0, 0)  // 0 bytes: through the end of the file
    _ = systemClose(fd)
  }

  private static func failure(_ action: String, _ path: String) -> ApplianceError {
    let code = errno
    return .failed("\(action) \(path): \(String(cString: strerror(code)))")
  }

  private static func retryingInterrupts<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
      let result = call()
      if result < 0 && errno == EINTR { continue }
      return result
    }
  }
}

// Module-level aliases: inside the class, `read`, `write`, `close` and `rename` name the methods.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
