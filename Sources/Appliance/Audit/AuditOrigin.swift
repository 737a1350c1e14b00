/// Where a command came from, as the audit log records it.
public enum AuditOrigin: Sendable, Equatable, CustomStringConvertible {
  /// Typed at the interactive prompt.
  case tty
  /// A line of a batch file (`-f FILE`, stdin as `-`, or `-c` as `<command line>`).
  case batch(file: String, line: Int)
  /// `trsh COMMAND ...` from the OS shell.
  case oneShot

  /// `tty`, `batch FILE:LINE` or `one-shot`.
  public var description: String {
    switch self {
    case .tty: "tty"
    case .batch(let file, let line): "batch \(file):\(line)"
    case .oneShot: "one-shot"
    }
  }
}
