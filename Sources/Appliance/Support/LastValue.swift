import Foundation

/// One value remembered with the key it was computed for, so an unchanged key does not
/// compute it again (a status at a store change token, its text for a status).
public final class LastValue<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
  // One entry, guarded by `lock` (callers may be on any thread).
  private let lock = NSLock()
  private var entry: (key: Key, value: Value)?

  public init() {}

  /// The value remembered for `key`, if it was the last one stored.
  public func value(for key: Key) -> Value? {
    lock.withLock { entry?.key == key ? entry?.value : nil }
  }

  public func store(_ value: Value, for key: Key) {
    lock.withLock { entry = (key, value) }
  }

  public func clear() {
    lock.withLock { entry = nil }
  }
}
