import Appliance

extension CommandContext {
  /// Asks the upgrade workflow whether an action is allowed now; refuses with exit 3.
  public func check(_ action: WorkflowAction) throws {
    switch action {
    case .show, .help: return  // always allowed: skip reading the machine
    case .other where !Instance.exists(at: instancePath):
      return  // changes no instance (`instance create`): there may be none here yet
    default: break
    }
    try settleServices(wait: action == .restore || action == .licenseValidate)
    let machine = try instance().workflow()
    switch machine.decide(action) {
    case .allow: return
    case .allowWithWarning(let warning):
      interaction.notice("warning: \(warning.text(in: machine))")
    case .refuse(let refusal): throw ApplianceError.refused(refusal.message)
    }
  }

  /// Commands that need the services wait (with a notice) while a secret upload restarts them;
  /// once they run again the workflow learns it (`servicesReady`: an observation made here,
  /// not the success of a command, so it is no entry of the workflow table).
  public func settleServices(wait: Bool) throws {
    let instance = try instance()
    if wait {
      try instance.waitForServices(notice: { self.interaction.notice($0) }, cancel: cancellation)
    }
    if try instance.workflow().servicesRestarting, try !instance.servicesRestarting() {
      try instance.recordWorkflow(.servicesReady, command: commandLine, user: user)
    }
  }

  /// Records what a successful `action` did, as the workflow table says for `outcome`.
  @discardableResult
  func record(_ outcome: WorkflowOutcome, of action: WorkflowAction) throws
    -> WorkflowTransition?
  {
    // Most actions record nothing: decided without opening the instance.
    guard WorkflowTable.event(for: action, outcome: outcome) != nil else { return nil }
    return try instance().recordWorkflow(
      action, outcome: outcome, command: commandLine, user: user)
  }

  /// The gate's recorder, for a domain operation that must record while it runs (the restore
  /// under its lock, the secret upload before its journal is cleared).
  public var workflowRecorder: (WorkflowOutcome) throws -> Void {
    { outcome in
      guard let action = self.gatedAction else {
        throw ApplianceError.failed("a workflow outcome was reported outside the workflow gate")
      }
      try self.record(outcome, of: action)
    }
  }
}
