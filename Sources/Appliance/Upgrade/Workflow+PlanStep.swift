extension Workflow {
  /// One step of the upgrade checklist for this instance's role.
  public struct PlanStep: Sendable, Codable, Equatable {
    /// The vendor guide's wording.
    public var title: String
    /// The trsh command that performs the step.
    public var command: String
    public var done: Bool
    /// True when the command needs a file or an answer, so `upgrade next --run` cannot run it alone.
    public var needsInput: Bool

    public init(title: String, command: String, done: Bool, needsInput: Bool) {
      self.title = title
      self.command = command
      self.done = done
      self.needsInput = needsInput
    }
  }
}
