/// Lets a long operation notice Ctrl-C: loops poll `isCancelled` and throw `ApplianceError.cancelled`.
public protocol Cancellation: Sendable {
  /// True once the admin asked to stop.
  var isCancelled: Bool { get }
}

extension Cancellation {
  /// Throws `ApplianceError.cancelled` when cancelled.
  public func check() throws {
    if isCancelled { throw ApplianceError.cancelled }
  }
}
