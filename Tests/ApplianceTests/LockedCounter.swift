import Foundation

/// A counter shared between test threads.
final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func add(_ n: Int) { lock.withLock { count += n } }

  var value: Int { lock.withLock { count } }
}
