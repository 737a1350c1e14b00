import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Flags set by signal handlers: Ctrl-C, and SIGTERM/SIGHUP asking the shell to leave.
public enum Signals {
  private static let interruptFlag = Atomic<Bool>(false)
  private static let terminationSignal = Atomic<Int32>(0)

  /// Installs handlers without `SA_RESTART`, so a blocked read returns and the flag is seen.
  public static func install() {
    // Foundation.Process starts children with SIGINT blocked.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGTERM)
    sigaddset(&unblock, SIGHUP)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    handle(SIGINT) { _ in Signals.interruptFlag.store(true, ordering: .relaxed) }
    handle(SIGTERM) { signo in Signals.terminationSignal.store(signo, ordering: .relaxed) }
    handle(SIGHUP) { signo in Signals.terminationSignal.store(signo, ordering: .relaxed) }
  }

  private static func handle(_ signo: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signo, &action, nil)
  }

  /// Whether Ctrl-C was pressed since the last `clearInterrupt()`.
  public static var interrupted: Bool { interruptFlag.load(ordering: .relaxed) }

  /// Forgets an earlier Ctrl-C.
  public static func clearInterrupt() { interruptFlag.store(false, ordering: .relaxed) }

  /// The SIGTERM or SIGHUP received, or nil.
  public static var termination: Int32? {
    let signo = terminationSignal.load(ordering: .relaxed)
    return signo == 0 ? nil : signo
  }

  /// Whether the running command should stop (Ctrl-C, SIGTERM or SIGHUP).
  public static var shouldStop: Bool { interrupted || termination != nil }
}
