#if canImport(Glibc)
  import Glibc
#endif

/// Facts about the process's terminal, and a no-echo read for secrets.
public enum Terminal {
  /// Whether the descriptor is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The terminal's width in columns (TIOCGWINSZ, else `$COLUMNS`), or 80 when it cannot be told.
  public static func columns(_ fd: Int32 = 1) -> Int {
    var size = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 {
      return columns
    }
    return 80
  }

  /// Reads a line from the terminal with echo off (for passwords); nil on EOF.
  public static func readWithoutEcho(prompt: String, fd: Int32 = 0) -> String? {
    var old = termios()
    let isTTY = tcgetattr(fd, &old) == 0
    if isTTY {
      var quiet = old
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(fd, TCSAFLUSH, &quiet)
    }
    defer {
      if isTTY {
        tcsetattr(fd, TCSAFLUSH, &old)
        writeAll(2, "\n")
      }
    }
    writeAll(2, prompt)
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1 {
      if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the whole string to a descriptor, retrying short writes.
  public static func writeAll(_ fd: Int32, _ text: String) {
    var data = Array(text.utf8)
    var offset = 0
    while offset < data.count {
      let n = data.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += n
    }
  }
}
