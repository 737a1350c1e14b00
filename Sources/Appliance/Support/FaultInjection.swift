import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Test hook: kills the process with SIGKILL at a named point of a crash-sensitive operation.
///
/// Set `TRSH_FAULT_POINT` to one point name (`restore.after-extract`, `restore.after-migrate`,
/// `restore.before-swap`, `restore.after-swap`, `restore.after-report`,
/// `secret-upload.after-stage`, `secret-upload.after-reencrypt`, `secret-upload.after-install`,
/// `archive.after-body-chunk`, `restore.loading-page`: a page of rows sent to another engine) and the process dies there exactly as a power cut or `kill -9`
/// would, so the end-to-end tests can check that the next trsh process recovers. With `:INT`
/// after the name, the process instead sends itself SIGINT there, once, as an admin's Ctrl-C
/// would. Unset (always, outside tests) it does nothing.
package enum FaultInjection {
  /// Read once: the environment does not change under a running process.
  static let point: String? = ProcessInfo.processInfo.environment["TRSH_FAULT_POINT"]
  private static let interrupted = Mutex(false)

  /// Dies, or is interrupted, here when `name` is the configured fault point.
  package static func reached(_ name: String) {
    guard let point, point.hasPrefix(name) else { return }
    if point == name { raise(SIGKILL) }
    guard point == name + ":INT" else { return }
    let first = interrupted.withLock { done in
      defer { done = true }
      return !done
    }
    // To the process, as a terminal's Ctrl-C is: `raise` would aim at this thread, and a
    // worker thread (GCD's, PostgreSQL's COPY) blocks SIGINT, leaving it pending forever.
    if first { kill(getpid(), SIGINT) }
  }
}
