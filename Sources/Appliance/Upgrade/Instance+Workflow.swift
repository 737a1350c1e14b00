import Foundation

extension Instance {
  /// The upgrade workflow of this instance: as saved, or the initial one for its role.
  public func workflow() throws -> Workflow {
    let store = try self.store()
    if let document = try store.workflowDocument(),
      var saved = try? JSONDecoder().decode(Workflow.self, from: Data(document.utf8))
    {
      // `restoring` with no restorer alive and no marker left: it changed nothing (a marker
      // precedes every swap), so the restore failed; otherwise everything would stay refused.
      if saved.state == .restoring, try restoringWithoutRestorer(),
        let failed = WorkflowTable.event(for: .restore, outcome: .restoreFailed)
      {
        let change = saved.apply(failed)
        try saveWorkflow(
          saved,
          transition: change.map {
            WorkflowTransition(
              at: ISOTime.string(Date()), command: Self.recoveryCommand("restore"),
              user: SystemIdentity.userName(environment: ProcessInfo.processInfo.environment),
              from: $0.from.rawValue, to: $0.to.rawValue)
          })
        reportRestoreWithoutRestorer()
      }
      return saved
    }
    let meta = try store.meta()
    let enabled = try alertSourceInfos().contains { $0.enabled }
    let initial = Workflow.initial(
      role: WorkflowRole(applianceVersion: meta.applianceVersion), sourcesEnabled: enabled)
    // Saved at once, so the first command's event is a transition from this baseline.
    try saveWorkflow(initial, transition: nil)
    return initial
  }

  /// The workflow's state name, read without decoding the saved machine (the audit log and
  /// the prompt ask for it around every command).
  public func workflowStateName() throws -> String {
    if let name = try store().savedWorkflowState() { return name }
    return try workflow().state.rawValue
  }

  /// Records what a successful `action` did, as the workflow table says for its `outcome`:
  /// applies the event (if any, and if the entry's `recordedWhen` holds), saves the machine
  /// and, when the state changed, its transition (time, command, user).
  @discardableResult
  public func recordWorkflow(
    _ action: WorkflowAction, outcome: WorkflowOutcome, command: String, user: String
  ) throws -> WorkflowTransition? {
    guard WorkflowTable.event(for: action, outcome: outcome) != nil else { return nil }
    var machine = try workflow()
    guard let event = WorkflowTable.event(for: action, outcome: outcome, in: machine) else {
      return nil
    }
    return try record(event, in: &machine, command: command, user: user)
  }

  /// Applies an event as it is (recovery and tests; commands go through the table).
  @discardableResult
  public func recordWorkflow(_ event: WorkflowEvent, command: String, user: String) throws
    -> WorkflowTransition?
  {
    var machine = try workflow()
    return try record(event, in: &machine, command: command, user: user)
  }

  private func record(
    _ event: WorkflowEvent, in machine: inout Workflow, command: String, user: String
  ) throws -> WorkflowTransition? {
    let change = machine.apply(event)
    let record = change.map {
      WorkflowTransition(
        at: ISOTime.string(Date()), command: command, user: user, from: $0.from.rawValue,
        to: $0.to.rawValue)
    }
    try saveWorkflow(machine, transition: record)
    return record
  }

  private func saveWorkflow(_ machine: Workflow, transition: WorkflowTransition?) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let document = String(decoding: try encoder.encode(machine), as: UTF8.self)
    try store().saveWorkflow(
      document: document, state: machine.state.rawValue, transition: transition)
  }
}
