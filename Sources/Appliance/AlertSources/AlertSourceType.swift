/// The kinds of alert source an appliance can poll.
public enum AlertSourceType: String, Codable, Sendable, CaseIterable {
  case tap = "TAP"
  case smartSearch = "Smart Search"
  case csv = "CSV"
  case json = "JSON"
  case abuseMailbox = "abuse mailbox"
}
