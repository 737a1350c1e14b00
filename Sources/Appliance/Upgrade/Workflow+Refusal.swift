extension Workflow {
  /// Why an action is refused in the current state, and which step would unblock it.
  ///
  /// The command layer spells the step as a trsh command and words the message (exit code 3).
  public struct Refusal: Sendable, Codable, Equatable {
    public var state: WorkflowState
    public var reason: WorkflowTable.Reason
    /// The step to take next, e.g. `secretUpload`.
    public var next: WorkflowStep
    /// The appliance the next step runs on, when it is not this one.
    public var nextOn: WorkflowRole?

    public init(
      state: WorkflowState, reason: WorkflowTable.Reason, next: WorkflowStep,
      nextOn: WorkflowRole? = nil
    ) {
      self.state = state
      self.reason = reason
      self.next = next
      self.nextOn = nextOn
    }
  }
}
