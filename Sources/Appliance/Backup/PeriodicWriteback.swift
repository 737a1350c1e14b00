import CLinuxIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts writeback of a whole file every `interval` on a thread of its own until `stop`, so
/// the disk writes a file while another connection is still rewriting it (a migration) and the
/// final fsync finds little left. Best effort: a file that cannot be opened is left alone.
final class PeriodicWriteback: @unchecked Sendable {
  private let fd: Int32
  private let interval: TimeInterval
  // Guarded by `condition`.
  private let condition = NSCondition()
  private var stopping = false
  private var running = false

  init(path: String, every interval: TimeInterval) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    self.interval = interval
    guard fd >= 0 else { return }
    running = true
    let thread = Thread { [self] in run() }
    thread.name = "trsh-writeback"
    thread.start()
  }

  /// Stops the thread and waits for it; the writeback already started goes on in the kernel.
  func stop() {
    condition.lock()
    stopping = true
    condition.broadcast()
    while running { condition.wait() }
    condition.unlock()
    if fd >= 0 { close(fd) }
  }

  private func run() {
    condition.lock()
    while !stopping {
      condition.unlock()
      _ = trsh_start_writeback(fd, 0, 0)  // 0 bytes: through the end of the file
      condition.lock()
      if !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
    }
    running = false
    condition.broadcast()
    condition.unlock()
  }
}
