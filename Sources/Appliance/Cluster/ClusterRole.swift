/// The HA role a node is set up with (Maintenance → High Availability → HA Role).
public enum ClusterRole: String, Codable, Sendable, CaseIterable {
  case primary
  case secondary
}
