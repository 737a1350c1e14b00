/// An incident: alerts linked together and handled as one case. Times are ISO-8601 UTC text.
public struct Incident: Codable, Sendable, Equatable {
  public var id: Int64
  public var state: IncidentState
  public var score: Int
  public var type: String
  public var summary: String
  public var assignee: String?
  public var team: String?
  public var createdAt: String
  public var updatedAt: String

  public init(
    id: Int64, state: IncidentState, score: Int, type: String, summary: String,
    assignee: String?, team: String?, createdAt: String, updatedAt: String
  ) {
    self.id = id
    self.state = state
    self.score = score
    self.type = type
    self.summary = summary
    self.assignee = assignee
    self.team = team
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
