/// One line of `show services`.
public struct ServiceStatus: Codable, Sendable, Equatable {
  public var name: String
  public var state: ServiceState
  /// When a restart in progress is expected to finish (ISO-8601), if restarting.
  public var restartingUntil: String?

  public init(name: String, state: ServiceState, restartingUntil: String? = nil) {
    self.name = name
    self.state = state
    self.restartingUntil = restartingUntil
  }
}
