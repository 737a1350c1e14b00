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
      if saved.state == .restoring, try restoringWithoutRestorer() {
        let change = saved.apply(.restoreFailed)
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

  /// Applies an event after a command succeeded; saves the machine and, when the state
  /// changed, its transition (time, command, user).
  @discardableResult
  public func recordWorkflow(_ event: WorkflowEvent, command: String, user: String) throws
    -> WorkflowTransition?
  {
    var machine = try workflow()
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
