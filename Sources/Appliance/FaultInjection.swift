import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Test hook: kills the process with SIGKILL at a named point of a crash-sensitive operation.
///
/// Set `TRSH_FAULT_POINT` to one point name (`restore.after-extract`, `restore.after-migrate`,
/// `restore.before-swap`, `restore.after-swap`, `restore.after-report`,
/// `secret-upload.after-stage`, `secret-upload.after-reencrypt`, `secret-upload.after-install`)
/// and the process dies there exactly as a power cut or `kill -9` would, so the end-to-end tests
/// can check that the next trsh process recovers. Unset (always, outside tests) it does nothing.
enum FaultInjection {
  /// Read once: the environment does not change under a running process.
  static let point: String? = ProcessInfo.processInfo.environment["TRSH_FAULT_POINT"]

  /// Dies here when `name` is the configured fault point.
  static func reached(_ name: String) {
    guard point == name else { return }
    raise(SIGKILL)
  }
}
