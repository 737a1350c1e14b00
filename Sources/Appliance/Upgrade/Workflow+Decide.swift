extension Workflow {
  /// Whether `action` may run now, as the workflow table's deciding row says; the shell asks
  /// before acting and exits 3 on a refusal.
  public func decide(_ action: WorkflowAction) -> Decision {
    switch WorkflowTable.row(for: action, in: self).verdict {
    case .allow: return .allow
    case .warn(let warning): return .allowWithWarning(warning)
    case .refuse(let reason, let next):
      let (step, role): (WorkflowStep, WorkflowRole?) =
        switch next {
        case .here(let step): (step, nil)
        case .on(let role, let step): (step, role)
        // Carrying on with the plan is the remedy; a complete plan leaves only looking.
        case .planNext: (nextStep()?.step ?? .showStatus, nil)
        }
      return .refuse(Refusal(state: state, reason: reason, next: step, nextOn: role))
    }
  }
}
