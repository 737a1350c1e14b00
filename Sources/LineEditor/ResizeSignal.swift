import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// SIGWINCH while a line is being read: the handler only sets a flag; the editor's read loop
/// sees the interrupted read and redraws for the new size (libedit must not be touched from a
/// signal handler).
enum ResizeSignal {
  private static let flag = Atomic<Bool>(false)

  /// Catches SIGWINCH without `SA_RESTART`, so a blocked read returns; returns the old action.
  static func install() -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in ResizeSignal.flag.store(true, ordering: .relaxed)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var old = sigaction()
    sigaction(SIGWINCH, &action, &old)
    flag.store(false, ordering: .relaxed)
    return old
  }

  /// Puts back the action `install` replaced (commands run with SIGWINCH as it was).
  static func restore(_ old: sigaction) {
    var old = old
    sigaction(SIGWINCH, &old, nil)
  }

  /// Whether the terminal was resized since the last call; clears the flag.
  static func take() -> Bool { flag.exchange(false, ordering: .relaxed) }
}
