/// The result of pulling one delivered message out of one mailbox.
public struct QuarantineResult: Codable, Sendable, Equatable {
  public var id: Int64
  public var alertId: Int64
  public var incidentId: Int64?
  public var mailbox: String
  /// `quarantine`, `delete` or `move`.
  public var action: String
  /// `success`, `not found` or `failed`.
  public var status: String
  public var performedAt: String

  public init(
    id: Int64, alertId: Int64, incidentId: Int64?, mailbox: String, action: String,
    status: String, performedAt: String
  ) {
    self.id = id
    self.alertId = alertId
    self.incidentId = incidentId
    self.mailbox = mailbox
    self.action = action
    self.status = status
    self.performedAt = performedAt
  }
}
