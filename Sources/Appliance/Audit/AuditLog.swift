import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The instance's `audit.log`: one JSON object per line, appended with a single `write` each.
///
/// The file stays open in append mode (O_APPEND makes each line's write atomic with respect
/// to other trsh processes appending to the same file), so a batch of thousands of commands
/// costs one syscall per line.
public final class AuditLog: @unchecked Sendable {
  public let url: URL
  // The descriptor is written from one thread at a time: `lock` guards it.
  private let lock = NSLock()
  private let fd: Int32

  /// Opens (creating with mode 0600) the log for appending.
  public init(url: URL) throws {
    self.url = url
    fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw ApplianceError.failed(
        "cannot open the audit log \(url.path): \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// Appends one entry as one line.
  public func append(_ entry: AuditEntry) throws {
    let line = entry.jsonBytes(newline: true)
    try lock.withLock {
      let (written, count) = line.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          (Glibc.write(fd, buffer.baseAddress, buffer.count), buffer.count)
        #else
          (Darwin.write(fd, buffer.baseAddress, buffer.count), buffer.count)
        #endif
      }
      guard written == count else {
        throw ApplianceError.failed("cannot append to the audit log \(url.path)")
      }
    }
  }

  /// Builds and appends an entry stamped now.
  public func record(
    user: String, origin: AuditOrigin, command: String, exitCode: Int32, durationMs: Int,
    stateBefore: String?, stateAfter: String?, at time: Date = Date()
  ) throws {
    try append(
      AuditEntry(
        time: ISOTime.millisecondString(time),
        user: user, origin: origin, command: command, exitCode: exitCode,
        durationMs: durationMs, stateBefore: stateBefore, stateAfter: stateAfter))
  }
}
