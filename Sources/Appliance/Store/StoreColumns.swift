import Foundation

/// The column names and encodings that differ between the 4.x and 5.x schemas (every engine).
package struct StoreColumns: Sendable {
  package let incidentState: String
  package let incidentCreated: String
  package let incidentUpdated: String
  package let alertIncident: String
  package let alertReceived: String
  package let alertSender: String
  package let alertRecipients: String
  package let alertAttachments: String
  /// 4.x stores attachment hashes comma-separated, 5.x as a JSON array.
  package let attachmentsAsJSON: Bool
  package let sourcePoll: String
  /// Multiply the stored poll interval by this to get seconds (4.x stores minutes).
  package let pollUnitSeconds: Int
  package let userName: String

  package static let legacy = StoreColumns(
    incidentState: "status", incidentCreated: "created", incidentUpdated: "modified",
    alertIncident: "incident", alertReceived: "received", alertSender: "from_address",
    alertRecipients: "to_addresses", alertAttachments: "attachments", attachmentsAsJSON: false,
    sourcePoll: "poll_minutes", pollUnitSeconds: 60, userName: "login")

  package static let current = StoreColumns(
    incidentState: "state", incidentCreated: "created_at", incidentUpdated: "updated_at",
    alertIncident: "incident_id", alertReceived: "received_at", alertSender: "sender",
    alertRecipients: "recipients", alertAttachments: "attachment_hashes", attachmentsAsJSON: true,
    sourcePoll: "poll_interval_seconds", pollUnitSeconds: 1, userName: "username")

  package static func forGeneration(_ generation: SchemaGeneration) -> StoreColumns {
    generation == .legacy ? legacy : current
  }

  package func encodeAttachments(_ hashes: [String]) -> String {
    if attachmentsAsJSON {
      return hashes.isEmpty ? "[]" : "[\"" + hashes.joined(separator: "\",\"") + "\"]"
    }
    return hashes.joined(separator: ",")
  }

  package func decodeAttachments(_ text: String) -> [String] {
    var body = Substring(text)
    if attachmentsAsJSON {
      body = body.dropFirst().dropLast()
    }
    return body.split(separator: ",").map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
  }

  /// Recipients are a comma-separated list in both generations.
  package static func encodeRecipients(_ recipients: [String]) -> String {
    recipients.joined(separator: ",")
  }

  package static func decodeRecipients(_ text: String) -> [String] {
    text.split(separator: ",").map(String.init)
  }
}
