import Appliance
import Foundation

/// The column names and encodings that differ between the 4.x and 5.x schemas.
struct SQLiteStoreColumns: Sendable {
  let incidentState: String
  let incidentCreated: String
  let incidentUpdated: String
  let alertIncident: String
  let alertReceived: String
  let alertSender: String
  let alertRecipients: String
  let alertAttachments: String
  /// 4.x stores attachment hashes comma-separated, 5.x as a JSON array.
  let attachmentsAsJSON: Bool
  let sourcePoll: String
  /// Multiply the stored poll interval by this to get seconds (4.x stores minutes).
  let pollUnitSeconds: Int
  let userName: String

  static let legacy = SQLiteStoreColumns(
    incidentState: "status", incidentCreated: "created", incidentUpdated: "modified",
    alertIncident: "incident", alertReceived: "received", alertSender: "from_address",
    alertRecipients: "to_addresses", alertAttachments: "attachments", attachmentsAsJSON: false,
    sourcePoll: "poll_minutes", pollUnitSeconds: 60, userName: "login")

  static let current = SQLiteStoreColumns(
    incidentState: "state", incidentCreated: "created_at", incidentUpdated: "updated_at",
    alertIncident: "incident_id", alertReceived: "received_at", alertSender: "sender",
    alertRecipients: "recipients", alertAttachments: "attachment_hashes", attachmentsAsJSON: true,
    sourcePoll: "poll_interval_seconds", pollUnitSeconds: 1, userName: "username")

  static func forGeneration(_ generation: SchemaGeneration) -> SQLiteStoreColumns {
    generation == .legacy ? legacy : current
  }

  func encodeAttachments(_ hashes: [String]) -> String {
    if attachmentsAsJSON {
      return hashes.isEmpty ? "[]" : "[\"" + hashes.joined(separator: "\",\"") + "\"]"
    }
    return hashes.joined(separator: ",")
  }

  func decodeAttachments(_ text: String) -> [String] {
    var body = Substring(text)
    if attachmentsAsJSON {
      body = body.dropFirst().dropLast()
    }
    return body.split(separator: ",").map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
  }

  /// Recipients are a comma-separated list in both generations.
  static func encodeRecipients(_ recipients: [String]) -> String {
    recipients.joined(separator: ",")
  }

  static func decodeRecipients(_ text: String) -> [String] {
    text.split(separator: ",").map(String.init)
  }
}
