extension Workflow {
  /// Why an action is refused in the current state, and what would unblock it.
  public struct Refusal: Sendable, Codable, Equatable {
    public var state: WorkflowState
    public var reason: String
    /// The command to run next, e.g. `secret upload FILE`.
    public var unblock: String

    public init(state: WorkflowState, reason: String, unblock: String) {
      self.state = state
      self.reason = reason
      self.unblock = unblock
    }

    /// The one-line message shown to the admin (exit code 3).
    public var message: String {
      "refused in state '\(state.rawValue)': \(reason); next: \(unblock)"
    }
  }
}
