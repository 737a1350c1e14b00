import Appliance
import Foundation

// The upgrade workflow's state and history, and the services-restarting marker.
extension PostgresStore {
  static let initialWorkflowState = "idle"

  public func workflowState() throws -> String {
    try read { db in
      try db.query("SELECT value FROM workflow WHERE key = 'state'").first?[0].string
        ?? Self.initialWorkflowState
    }
  }

  static func putWorkflow(_ db: PGConnection, _ key: String, _ value: String) throws {
    try db.query(
      """
      INSERT INTO workflow (key, value) VALUES ($1, $2)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value
      """, [.text(key), .text(value)])
  }

  /// Ids continue from the highest, as SQLite's rowids do (callers hold the write lock).
  static func appendHistory(_ db: PGConnection, _ t: WorkflowTransition) throws {
    try db.query(
      """
      INSERT INTO workflow_history (id, at, command, user_name, from_state, to_state)
      SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM workflow_history
      """, [.text(t.at), .text(t.command), .text(t.user), .text(t.from), .text(t.to)])
  }

  @discardableResult
  public func recordWorkflowTransition(to state: String, command: String, user: String, at: String)
    throws -> WorkflowTransition
  {
    try write(locked: true) { db in
      let from =
        try db.query("SELECT value FROM workflow WHERE key = 'state'").first?[0].string
        ?? Self.initialWorkflowState
      try Self.putWorkflow(db, "state", state)
      let transition = WorkflowTransition(
        at: at, command: command, user: user, from: from, to: state)
      try Self.appendHistory(db, transition)
      return transition
    }
  }

  public func workflowDocument() throws -> String? {
    try read { db in
      try db.query("SELECT value FROM workflow WHERE key = 'machine'").first?[0].string
    }
  }

  public func savedWorkflowState() throws -> String? {
    try read { db in
      try db.query(
        """
        SELECT value FROM workflow WHERE key = 'state'
          AND EXISTS (SELECT 1 FROM workflow WHERE key = 'machine')
        """
      ).first?[0].string
    }
  }

  public func saveWorkflow(document: String, state: String, transition: WorkflowTransition?) throws
  {
    try write(locked: true) { db in
      try Self.putWorkflow(db, "machine", document)
      try Self.putWorkflow(db, "state", state)
      if let transition { try Self.appendHistory(db, transition) }
    }
  }

  public func workflowHistory() throws -> [WorkflowTransition] {
    try read { db in
      try db.query(
        "SELECT at, command, user_name, from_state, to_state FROM workflow_history ORDER BY id"
      ).map {
        WorkflowTransition(
          at: $0[0].string, command: $0[1].string, user: $0[2].string, from: $0[3].string,
          to: $0[4].string)
      }
    }
  }

  public func servicesRestartingUntil() throws -> String? {
    try metaValue("services_restarting_until")
  }

  public func setServicesRestartingUntil(_ time: String?) throws {
    try setMetaValue("services_restarting_until", time)
  }
}
