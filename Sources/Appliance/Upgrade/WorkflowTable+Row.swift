extension WorkflowTable {
  /// One row: where it applies (role and states, then conditions) and what it decides.
  public struct Row: Sendable, Equatable {
    public var scope: Scope
    /// All must hold for the row to apply; none means always.
    public var conditions: [Condition]
    public var verdict: Verdict

    public init(_ scope: Scope, if conditions: [Condition] = [], _ verdict: Verdict) {
      self.scope = scope
      self.conditions = conditions
      self.verdict = verdict
    }

    /// Whether this row decides `action` in `workflow`.
    public func applies(to action: WorkflowAction, in workflow: Workflow) -> Bool {
      scope.contains(workflow.role, workflow.state)
        && conditions.allSatisfy { $0.holds(in: workflow, for: action) }
    }
  }
}
