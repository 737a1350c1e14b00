import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens and reads the files commands are given (archives, secrets, settings exports, values)
/// without ever blocking in `open()`: a named pipe with no writer blocks a plain `open()` until
/// one comes, through Ctrl-C and SIGTERM alike.
public enum InputFile {
  /// Opens `path` read-only without blocking and returns the descriptor (close-on-exec, still
  /// non-blocking) and what it is; `what` names the file in messages ("the secret file").
  static func open(_ path: String, what: String) throws(ApplianceError) -> (
    fd: Int32, info: stat
  ) {
    var fd: Int32
    repeat {
      fd = systemOpen(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else {
      throw ApplianceError.failed(
        "cannot read \(what) \(path): \(String(cString: strerror(errno)))")
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let message = String(cString: strerror(errno))
      _ = close(fd)
      throw ApplianceError.failed("cannot read \(what) \(path): \(message)")
    }
    return (fd, info)
  }

  /// Opens a file that must be a regular file (an archive is read by size and offset), in
  /// blocking mode; anything else is refused before a byte is read (exit 4).
  public static func openRegular(_ path: String, what: String) throws(ApplianceError) -> Int32 {
    let (fd, info) = try open(path, what: what)
    guard isRegular(info) else {
      _ = close(fd)
      throw ApplianceError.validation(
        "\(path) is \(kind(info)), not a regular file: \(what) must be a regular file"
          + " (copy it to one first)")
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  /// Reads a whole file: a regular file, or a pipe (`<(command)`, a named pipe) up to its end.
  ///
  /// A pipe is read only while a writer holds it: a named pipe nobody writes to gives nothing
  /// at once instead of waiting for a writer that may never come. While a writer is slow, the
  /// wait returns every 100 ms to see `cancel`, and Ctrl-C or SIGTERM (whose handlers interrupt
  /// the wait) end it; without `cancel`, any interrupting signal ends it.
  public static func read(_ path: String, what: String, cancel: (any Cancellation)? = nil)
    throws(ApplianceError) -> Data
  {
    let (fd, info) = try open(path, what: what)
    defer { _ = close(fd) }
    if isRegular(info) {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    } else if !isPipe(info) {
      throw ApplianceError.validation(
        "\(path) is \(kind(info)), not a regular file: \(what) must be a regular file or a pipe")
    }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count == 0 {
        break
      } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
        let interrupted = errno == EINTR || !waitForData(fd)
        if cancel?.isCancelled ?? interrupted { throw ApplianceError.cancelled }
      } else {
        throw ApplianceError.failed(
          "cannot read \(what) \(path): \(String(cString: strerror(errno)))")
      }
    }
    if data.isEmpty && isPipe(info) {
      throw ApplianceError.failed(
        "nothing came through the pipe \(path): a named pipe needs a process writing \(what)"
          + " into it")
    }
    return data
  }

  /// Waits up to 100 ms for data or the writer's end; false when a signal interrupted it.
  private static func waitForData(_ fd: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 100) >= 0 || errno != EINTR
  }

  static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

  static func isPipe(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFIFO }

  /// What a file that is not a regular file is, for messages.
  static func kind(_ info: stat) -> String {
    switch info.st_mode & S_IFMT {
    case S_IFIFO: return "a pipe (FIFO)"
    case S_IFDIR: return "a directory"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
  }
}

// Module-level aliases: `open` and `read` name this type's methods inside it.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
