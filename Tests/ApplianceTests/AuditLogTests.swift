import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite(.engines) struct AuditLogTests {
  @Test func linesParseAsJSONAndHoldNoSecret() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("i"), version: .current, hostname: "h")
      let log = try instance.auditLog()
      for line in 1...500 {
        try log.record(
          user: "ops", origin: .batch(file: "upgrade.trsh", line: line),
          command: "proxy set --password ***", exitCode: line % 7 == 0 ? 2 : 0, durationMs: 3,
          stateBefore: "idle", stateAfter: "idle")
      }
      try log.record(
        user: SystemIdentity.userName(environment: [:]), origin: .oneShot, command: "show status",
        exitCode: 0, durationMs: 1, stateBefore: nil, stateAfter: nil)
      let text = try String(contentsOf: instance.auditLogURL, encoding: .utf8)
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

  @Test func handWrittenLineMatchesJSONEncoder() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let awkward = [
      "show status", "echo \"quoted\" back\\slash /path", "tab\there\nnew line\r",
      "bell\u{07} nul\u{00} esc\u{1B} del\u{7F}", "héllo wörld ✓ 日本 🚀", "",
    ]
    for (index, command) in awkward.enumerated() {
      let entry = AuditEntry(
        time: "2026-11-30T06:33:16.619Z", user: index == 2 ? "o\"ps" : "ops",
        origin: .batch(file: "run book.trsh", line: index), command: command,
        exitCode: Int32(index), durationMs: index * 10,
        stateBefore: index == 1 ? nil : "fresh", stateAfter: index == 3 ? nil : "restored")
      let expected = String(decoding: try encoder.encode(entry), as: UTF8.self)
      #expect(entry.jsonLine == expected)
      let decoded = try JSONDecoder().decode(AuditEntry.self, from: Data(entry.jsonLine.utf8))
      #expect(decoded == entry)
    }
  }

  @Test func millisecondStampsMatchFoundation() {
    for seconds in [
      0.0, 1.5, 1_796_000_000.125, 951_782_400.25, 1_709_251_199.0, 1_709_251_199.062_5,
    ] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(
        ISOTime.millisecondString(date)
          == date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
  }
}
