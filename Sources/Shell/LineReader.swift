#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines from a file descriptor in large chunks (libedit would read a byte per syscall).
public final class LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEOF = false

  public init(fd: Int32) {
    self.fd = fd
  }

  /// The next line without its newline, or nil at the end of input.
  public func next() -> String? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 10) {
        var end = nl
        if end > start && buffer[end - 1] == 13 { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = nl + 1
        return line
      }
      if atEOF {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        start = buffer.count
        return line
      }
      fill()
    }
  }

  private func fill() {
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    let chunk = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
      if n < 0 && errno == EINTR {
        if Signals.shouldStop { break }
        continue
      }
      buffer.removeLast(chunk - max(n, 0))
      if n <= 0 { atEOF = true }
      return
    }
    buffer.removeLast(chunk)
    atEOF = true
  }
}
