/// One recorded change of the upgrade workflow state.
public struct WorkflowTransition: Codable, Sendable, Equatable {
  public var at: String
  public var command: String
  public var user: String
  public var from: String
  public var to: String

  public init(at: String, command: String, user: String, from: String, to: String) {
    self.at = at
    self.command = command
    self.user = user
    self.from = from
    self.to = to
  }
}
