/// One audit log line. `command` must already be redacted (the command layer's `SecretRedaction`).
public struct AuditEntry: Codable, Sendable, Equatable {
  /// ISO-8601 UTC with milliseconds.
  public var time: String
  public var user: String
  public var origin: String
  public var command: String
  public var exitCode: Int32
  public var durationMs: Int
  public var stateBefore: String?
  public var stateAfter: String?

  public init(
    time: String, user: String, origin: AuditOrigin, command: String, exitCode: Int32,
    durationMs: Int, stateBefore: String?, stateAfter: String?
  ) {
    self.time = time
    self.user = user
    self.origin = origin.description
    self.command = command
    self.exitCode = exitCode
    self.durationMs = durationMs
    self.stateBefore = stateBefore
    self.stateAfter = stateAfter
  }
}
