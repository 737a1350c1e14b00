import Foundation

/// The text last rendered for a value, so an unchanged value is not formatted again.
final class LastRendered<Value: Equatable & Sendable>: @unchecked Sendable {
  // One entry, guarded by `lock` (commands may run on any thread).
  private let lock = NSLock()
  private var last: (value: Value, text: String)?

  /// The text rendered for `value`, if it was the last one rendered.
  func value(for value: Value) -> String? {
    lock.withLock { last?.value == value ? last?.text : nil }
  }

  func store(_ text: String, for value: Value) {
    lock.withLock { last = (value, text) }
  }
}
