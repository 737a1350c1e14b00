extension Workflow {
  /// One step of the upgrade checklist for this instance's role.
  public struct PlanStep: Sendable, Codable, Equatable {
    /// The vendor guide's wording.
    public var title: String
    /// What performs the step (the command layer spells it as a trsh command).
    public var step: WorkflowStep
    public var done: Bool
    /// True when the command needs a file or an answer, so `upgrade next --run` cannot run it alone.
    public var needsInput: Bool

    public init(title: String, step: WorkflowStep, done: Bool, needsInput: Bool) {
      self.title = title
      self.step = step
      self.done = done
      self.needsInput = needsInput
    }
  }
}
