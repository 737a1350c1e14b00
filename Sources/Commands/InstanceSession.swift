import Appliance
import Foundation

/// The instance a shell session works on, as the shell needs it: opened on first use (or
/// early, on another thread), its workflow state, the prompt's label and the audit log.
///
/// Only `instance create` and `createIfMissing()` (the first interactive start on the default
/// instance) make an instance: a mistyped `--instance` must never become a new instance with a
/// Master Secret of its own.
public final class InstanceSession {
  /// The instance directory.
  public let path: URL
  /// Who runs the commands (for the audit log and workflow history).
  public let user: String
  private var opened: Instance?
  /// The early opening, until the instance is first asked for.
  private var pending: PendingInstance?
  /// The early opening, kept so `finishOpening()` can wait for its thread.
  private var background: PendingInstance?
  /// The workflow state after the last command, kept so read-only commands cost no query.
  private var knownState: String?
  private lazy var machineHost =
    ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "trsh"

  public init(path: URL, environment: [String: String]) {
    self.path = path
    self.user = SystemIdentity.userName(environment: environment)
  }

  /// Opens the instance and reads its workflow state in work handed to `start`, which runs it
  /// on another thread: a one-shot command's database work then overlaps the parsing of its
  /// command line. If that thread cannot open it, `instance()` opens it (and says why not).
  public func openEarly(using start: (@escaping @Sendable () -> Void) -> Void) {
    guard opened == nil, background == nil else { return }
    let opening = PendingInstance()
    pending = opening
    background = opening
    let path = self.path
    start {
      guard let instance = try? Instance.open(at: path, createIfMissing: false) else {
        opening.fulfil(nil, state: nil)
        return
      }
      let state = try? instance.workflowStateName()
      _ = try? instance.auditLog()
      opening.fulfil(instance, state: state)
    }
  }

  /// Waits for an early opening's thread: never exit with it still inside SQLite.
  public func finishOpening() {
    _ = background?.wait()
  }

  /// On the first interactive start on the default instance: creates a fresh 5.x instance when
  /// there is none yet. Returns whether it did.
  public func createIfMissing() throws -> Bool {
    guard !Instance.exists(at: path) else { return false }
    let created = try Instance.open(at: path, createIfMissing: true)
    if opened == nil { opened = created }
    return true
  }

  /// The session's instance, opened on first use; fails (naming the path) when there is none.
  public func instance() throws -> Instance {
    if let opened { return opened }
    if let early = pending.take()?.wait() {
      opened = early.instance
      if knownState == nil { knownState = early.state }
      return early.instance
    }
    let instance: Instance
    do {
      instance = try Instance.open(at: path, createIfMissing: false)
    } catch let error as ApplianceError where !Instance.exists(at: path) {
      // The domain only says there is none; how to make one is the command layer's to say.
      throw ApplianceError(
        error.kind,
        "\(error.message): create one with 'trsh instance create \(path.path)' (or check"
          + " --instance / TRSH_INSTANCE)")
    }
    opened = instance
    return instance
  }

  /// The instance's workflow state name (cached unless `refresh`), or nil when it cannot be read.
  public func workflowState(refresh: Bool = false) -> String? {
    if pending != nil { _ = try? instance() }  // the opening thread has read it already
    if refresh || knownState == nil {
      knownState = try? instance().workflowStateName()
    }
    return knownState
  }

  /// The interactive prompt's `host:state` (`newbox:restored`), so the admin always sees where
  /// the upgrade stands: the instance's host name and cached state, or this machine's host
  /// and `ready` when the instance cannot be read.
  public var promptLabel: String {
    guard let state = workflowState(), let name = try? instance().store().meta().hostname
    else { return "\(machineHost):ready" }
    return "\(name):\(state)"
  }

  /// Appends one command to the instance's audit log; nothing when there is no instance.
  public func audit(
    _ command: String, origin: Origin, status: Int32, durationMs: Int, stateBefore: String?,
    stateAfter: String?
  ) {
    guard let log = try? instance().auditLog() else { return }
    try? log.record(
      user: user, origin: origin.auditOrigin, command: command, exitCode: status,
      durationMs: durationMs, stateBefore: stateBefore, stateAfter: stateAfter)
  }
}
