/// Where an incident is in its handling.
public enum IncidentState: String, Codable, Sendable, CaseIterable {
  case new, open, assigned, closed, ignored
}
