import Foundation
import Testing

@testable import Appliance

@Suite struct AuditLogTests {
  @Test func redactsSecretOptionsAndUserInfo() {
    let words = [
      "license", "proxy", "set", "--host", "proxy.corp", "--password", "hunter2", "--user", "bob",
      "--api-key=abc123", "https://bob:pa55@proxy.corp:3128", "ftp://anon@host",
    ]
    let redacted = AuditLog.redact(words: words)
    let text = redacted.joined(separator: " ")
    #expect(!text.contains("hunter2") && !text.contains("abc123") && !text.contains("pa55"))
    #expect(redacted.contains("--api-key=***"))
    #expect(redacted.contains("https://bob:***@proxy.corp:3128"))
    #expect(redacted.contains("ftp://anon@host"))
    #expect(redacted.contains("bob"))
    #expect(
      AuditLog.redact(line: "secret import --password s3cret") == "secret import --password ***")
  }

  @Test func linesParseAsJSONAndHoldNoSecret() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("i"), version: .current, hostname: "h")
      let log = try instance.auditLog()
      for line in 1...500 {
        let command = AuditLog.redact(words: ["proxy", "set", "--password", "topsecret\(line)"])
        try log.record(
          user: "ops", origin: .batch(file: "upgrade.trsh", line: line),
          command: command.joined(separator: " "), exitCode: line % 7 == 0 ? 2 : 0, durationMs: 3,
          stateBefore: "idle", stateAfter: "idle")
      }
      try log.record(
        user: SystemIdentity.userName(environment: [:]), origin: .oneShot, command: "show status",
        exitCode: 0, durationMs: 1, stateBefore: nil, stateAfter: nil)
      let text = try String(contentsOf: instance.auditLogURL, encoding: .utf8)
      #expect(!text.contains("topsecret"))
      let lines = text.split(separator: "\n")
      #expect(lines.count == 501)
      let decoder = JSONDecoder()
      let entries = try lines.map { try decoder.decode(AuditEntry.self, from: Data($0.utf8)) }
      #expect(entries[0].origin == "batch upgrade.trsh:1")
      #expect(entries[6].exitCode == 2)
      #expect(entries[500].origin == "one-shot")
      #expect(!entries[500].user.isEmpty)
      #expect(entries.allSatisfy { $0.time.hasSuffix("Z") && $0.time.contains("T") })
      let mode = try FileManager.default.attributesOfItem(atPath: instance.auditLogURL.path)[
        .posixPermissions]
      #expect((mode as? NSNumber)?.intValue == 0o600)
    }
  }
}
