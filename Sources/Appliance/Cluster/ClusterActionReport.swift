/// What a cluster command did, step by step, and how long it took.
public struct ClusterActionReport: Codable, Sendable, Equatable {
  public var action: String
  public var steps: [String]
  public var seconds: Double
  public var primary: String?

  public init(action: String, steps: [String], seconds: Double, primary: String?) {
    self.action = action
    self.steps = steps
    self.seconds = seconds
    self.primary = primary
  }
}
