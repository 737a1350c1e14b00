#if canImport(Glibc)
  import Glibc
#endif

/// Buffered output to a file descriptor: one `write` for many short results.
public final class OutputStream {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var lastFlush = OutputStream.now()
  /// Whether the descriptor is a terminal (then every write is flushed at once).
  public let isTerminal: Bool

  public init(fd: Int32) {
    self.fd = fd
    isTerminal = isatty(fd) == 1
    buffer.reserveCapacity(1 << 16)
  }

  /// Appends text and a newline.
  public func line(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    buffer.append(10)
    if isTerminal || buffer.count >= 1 << 16 { flush() }
  }

  /// Appends text as it is.
  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if isTerminal || buffer.count >= 1 << 16 { flush() }
  }

  /// Flushes when output has waited long enough that a reader would notice.
  public func flushIfStale() {
    if !buffer.isEmpty && OutputStream.now() - lastFlush > 50_000_000 { flush() }
  }

  /// Writes everything buffered.
  public func flush() {
    lastFlush = OutputStream.now()
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes {
        Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        break  // the reader went away (EPIPE): drop the rest
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }
}
