import Foundation

/// A thread-safe cancellation flag that a signal-watching thread or a test can set.
public final class CancellationFlag: Cancellation, @unchecked Sendable {
  // Guarded by `lock`; NSLock keeps this usable on every platform the package lists.
  private let lock = NSLock()
  private var cancelled = false

  public init() {}

  /// Requests cancellation; the working loop throws at its next check.
  public func cancel() { lock.withLock { cancelled = true } }

  public var isCancelled: Bool { lock.withLock { cancelled } }
}
