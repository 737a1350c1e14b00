extension Workflow {
  /// A change of state caused by one event, for the store's history and the audit log.
  ///
  /// Not the store's `WorkflowTransition` record: that one adds time, command and user.
  public struct Transition: Sendable, Codable, Equatable {
    public var from: WorkflowState
    public var to: WorkflowState
    /// The event's kebab-case name (`WorkflowEvent.name`).
    public var event: String

    public init(from: WorkflowState, to: WorkflowState, event: String) {
      self.from = from
      self.to = to
      self.event = event
    }
  }
}
