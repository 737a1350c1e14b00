import Appliance

/// Where a command line came from, for error messages and the audit log.
public enum Origin: Sendable {
  /// Typed at the interactive prompt.
  case tty
  /// Line `line` of a batch source (`FILE`, `-c` or `<stdin>`).
  case batch(source: String, line: Int)
  /// The process's own arguments.
  case oneShot

  /// The same origin as the audit log records it.
  var auditOrigin: AuditOrigin {
    switch self {
    case .tty: return .tty
    case .batch(let source, let line): return .batch(file: source, line: line)
    case .oneShot: return .oneShot
    }
  }
}
