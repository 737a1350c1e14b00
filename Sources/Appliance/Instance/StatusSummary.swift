/// What `show status` reports.
public struct StatusSummary: Codable, Sendable, Equatable {
  public var hostname: String
  public var applianceVersion: String
  public var schemaVersion: Int
  public var instancePath: String
  public var incidents: Int
  public var alerts: Int
  public var alertSourcesTotal: Int
  public var alertSourcesEnabled: Int
  /// Licence count per state name (`Available`, `Installed`, `Invalid`), every state present.
  public var licenses: [String: Int]
  public var secretFingerprint: String
  public var workflowState: String
  /// Set after a restore without encryption validation left fields unreadable: the instance
  /// is inconsistent until these are re-entered.
  public var mustReenter: [String]?
  /// False after such a restore; nil when nothing is known to be wrong.
  public var consistent: Bool?

  public init(
    hostname: String, applianceVersion: String, schemaVersion: Int, instancePath: String,
    incidents: Int, alerts: Int, alertSourcesTotal: Int, alertSourcesEnabled: Int,
    licenses: [String: Int], secretFingerprint: String, workflowState: String,
    mustReenter: [String]? = nil
  ) {
    self.mustReenter = mustReenter
    self.consistent = mustReenter.map { $0.isEmpty }
    self.hostname = hostname
    self.applianceVersion = applianceVersion
    self.schemaVersion = schemaVersion
    self.instancePath = instancePath
    self.incidents = incidents
    self.alerts = alerts
    self.alertSourcesTotal = alertSourcesTotal
    self.alertSourcesEnabled = alertSourcesEnabled
    self.licenses = licenses
    self.secretFingerprint = secretFingerprint
    self.workflowState = workflowState
  }
}
