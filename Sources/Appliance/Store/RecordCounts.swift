/// Counts that `show status` needs, fetched in one read.
public struct RecordCounts: Codable, Sendable, Equatable {
  public var incidents: Int
  public var alerts: Int
  public var alertSourcesTotal: Int
  public var alertSourcesEnabled: Int
  public var licenses: [String: Int]

  public init(
    incidents: Int, alerts: Int, alertSourcesTotal: Int, alertSourcesEnabled: Int,
    licenses: [String: Int]
  ) {
    self.incidents = incidents
    self.alerts = alerts
    self.alertSourcesTotal = alertSourcesTotal
    self.alertSourcesEnabled = alertSourcesEnabled
    self.licenses = licenses
  }
}
