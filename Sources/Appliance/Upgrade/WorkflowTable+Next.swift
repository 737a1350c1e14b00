extension WorkflowTable {
  /// What a refusal tells the admin to do next.
  public enum Next: Sendable, Equatable {
    /// A step on this appliance.
    case here(WorkflowStep)
    /// A step on the other appliance of the pair.
    case on(WorkflowRole, WorkflowStep)
    /// Carry on with the plan: its next step, or `show status` when it is complete.
    case planNext
  }
}
