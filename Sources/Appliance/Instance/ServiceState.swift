/// Whether an appliance service is serving.
public enum ServiceState: String, Codable, Sendable {
  case running
  /// Restarting after a Master Secret upload, until the marker time passes.
  case restarting
  /// Not running (the instance's own database server, when stopped).
  case stopped
}
