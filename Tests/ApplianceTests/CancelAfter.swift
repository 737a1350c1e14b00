import Foundation

@testable import Appliance

/// A progress sink that cancels after a number of reports, to cancel mid-creation.
final class CancelAfter: ProgressSink, @unchecked Sendable {
  let flag: CancellationFlag
  let after: Int
  private let lock = NSLock()
  private var calls = 0

  init(flag: CancellationFlag, after: Int) {
    self.flag = flag
    self.after = after
  }

  func progress(_ done: Int, of total: Int, label: String) {
    lock.withLock {
      calls += 1
      if calls >= after { flag.cancel() }
    }
  }
}
