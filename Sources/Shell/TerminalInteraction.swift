import Appliance
import Commands
import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

/// The admin's side of the conversation on a terminal: questions on stderr, progress bars.
public final class TerminalInteraction: Interaction {
  private let out: OutputStream
  private let err: OutputStream
  private var lastDraw: UInt64 = 0
  private var progressStart: UInt64 = 0
  private var drawing = false
  /// Columns of the progress line on screen, to clear it whole.
  private var drawnLength = 0
  private let showProgress: Bool

  public init(out: OutputStream, err: OutputStream, environment: [String: String]) {
    self.out = out
    self.err = err
    // Progress bars only on a terminal, and never for TERM=dumb.
    showProgress = err.isTerminal && environment["TERM"] != "dumb"
  }

  public func confirm(_ question: String) throws -> Bool {
    err.write("\(question) [y/N] ")
    guard let answer = Self.readPlainLine() else { return false }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }

  public func readSecret(_ prompt: String) throws -> String {
    guard isatty(0) == 1 else {
      throw ApplianceError.usage(
        "\(prompt): no terminal to ask on; use a file or an environment variable")
    }
    guard let secret = Terminal.readWithoutEcho(prompt: prompt) else {
      throw ApplianceError.failed("no secret entered")
    }
    return secret
  }

  public func readLine(_ prompt: String) throws -> String? {
    err.write(prompt)
    return Self.readPlainLine()
  }

  public func progress(_ done: Int, of total: Int, label: String) {
    guard showProgress else { return }
    let now = OutputStream.now()
    if !drawing {
      drawing = true
      progressStart = now
    }
    // At most ten redraws a second: drawing must not slow the work.
    if now - lastDraw < 100_000_000 && done < total { return }
    lastDraw = now
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
    let elapsed = Double(now - progressStart) / 1e9
    var eta = ""
    if fraction > 0.02 && fraction < 1 {
      let remaining = Int(elapsed / fraction - elapsed)
      eta = String(format: "%d:%02d", remaining / 60, remaining % 60)
    }
    // Asked each time: the window may be resized while the work goes on.
    let columns = Terminal.columns(2)
    let line = ProgressLine.text(label: label, fraction: fraction, eta: eta, columns: columns)
    err.write(ProgressLine.clear(length: drawnLength, columns: columns) + line)
    drawnLength = line.count
  }

  public func progressDone() {
    guard drawing else { return }
    drawing = false
    err.write(ProgressLine.clear(length: drawnLength, columns: Terminal.columns(2)))
    drawnLength = 0
  }

  public func notice(_ text: String) {
    err.line(text)
  }

  public func emit(_ line: String) {
    // Streamed output is wanted as it happens, through a pipe too.
    if drawing { err.write(ProgressLine.clear(length: drawnLength, columns: Terminal.columns(2))) }
    out.line(line)
    out.flush()
  }

  /// One line from stdin, read byte by byte so nothing after it is consumed.
  static func readPlainLine() -> String? {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let n = read(0, &byte, 1)
      if n == 1 {
        if byte == 10 { break }
        bytes.append(byte)
      } else if n < 0 && errno == EINTR && !Signals.shouldStop {
        continue
      } else {
        if bytes.isEmpty { return nil }
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
