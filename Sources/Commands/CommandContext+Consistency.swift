import Appliance

extension CommandContext {
  /// After a re-entered secret: when the restore left no unreadable field, the workflow learns
  /// the instance is consistent again (`restored-inconsistent` → `restored`). Returns whether
  /// that was recorded now.
  @discardableResult
  func recordConsistentIfNothingUnreadable() throws -> Bool {
    let instance = try instance()
    guard try instance.unreadableFields().isEmpty, try instance.workflow().hasUnreadableFields
    else { return false }
    try record(.credentialsReentered)
    return true
  }
}
