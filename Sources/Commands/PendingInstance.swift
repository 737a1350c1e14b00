import Appliance
import Dispatch

/// An instance being opened on another thread, with the workflow state it read there, so a
/// one-shot command's database work overlaps the parsing of its command line.
final class PendingInstance: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once by the opening thread before `done` is signalled, read only after waiting.
  private var instance: Instance?
  private var state: String?

  /// Called once by the opening thread; nil when the instance could not be opened there.
  func fulfil(_ instance: Instance?, state: String?) {
    self.instance = instance
    self.state = state
    done.signal()
  }

  /// Waits for the opening thread to finish (any number of times, from the waiting thread).
  func wait() -> (instance: Instance, state: String?)? {
    done.wait()
    done.signal()
    return instance.map { ($0, state) }
  }
}
