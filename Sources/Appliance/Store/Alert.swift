/// One alert received from an alert source, usually linked to an incident.
public struct Alert: Codable, Sendable, Equatable {
  public var id: Int64
  public var incidentId: Int64?
  /// Name of the alert source that delivered it.
  public var source: String
  public var severity: String
  public var receivedAt: String
  public var sender: String
  public var recipients: [String]
  public var subject: String
  public var messageId: String
  /// SHA-256 hex digests of the message's attachments.
  public var attachmentHashes: [String]

  public init(
    id: Int64, incidentId: Int64?, source: String, severity: String, receivedAt: String,
    sender: String, recipients: [String], subject: String, messageId: String,
    attachmentHashes: [String]
  ) {
    self.id = id
    self.incidentId = incidentId
    self.source = source
    self.severity = severity
    self.receivedAt = receivedAt
    self.sender = sender
    self.recipients = recipients
    self.subject = subject
    self.messageId = messageId
    self.attachmentHashes = attachmentHashes
  }
}
