import Foundation
import TestSupport
import Testing

@testable import Appliance

/// Every fixture state × every action, with the expected decision written out by hand.
@Suite("Workflow decisions, state × action", .engines)
struct WorkflowDecisionTableTests {
  /// The table's columns, in order, with the abbreviations used in its heading.
  static let actions: [(String, WorkflowAction)] = [
    ("sh", .show),
    ("he", .help),
    ("ds", .disableSources),
    ("en", .enableSources(force: false)),
    ("eF", .enableSources(force: true)),
    ("cr", .credentialsReenter),
    ("bc", .backupCreate(force: false, sourcesEnabled: false)),
    ("bL", .backupCreate(force: false, sourcesEnabled: true)),
    ("bF", .backupCreate(force: true, sourcesEnabled: true)),
    ("bu", .backupUpload),
    ("bd", .backupDelete),
    ("se", .secretExport),
    ("su", .secretUpload),
    ("re", .restore),
    ("lv", .licenseValidate),
    ("le", .licenseEdit),
    ("sx", .settingsExport),
    ("sc", .settingsCopy),
    ("st", .settingsEdit),
    ("dc", .decommission),
    ("ia", .instanceAdmin),
    ("ot", .other),
  ]

  // A = allow, W = allow with a warning, R = refuse. A string, so the formatter keeps it aligned.
  static let table = """
    fixture                                  | sh he ds en eF cr bc bL bF bu bd se su re lv le sx sc st dc ia ot
    old live                                 | A  A  A  A  A  A  A  R  W  R  A  A  R  R  A  A  A  R  A  R  A  A
    old live, secret exported, forced backup | A  A  A  A  A  A  A  R  W  R  A  A  R  R  A  A  A  R  A  R  A  A
    old sources-disabled                     | A  A  A  W  W  A  A  R  W  R  A  A  R  R  A  A  A  R  A  R  A  A
    old sources-disabled, backup made        | A  A  A  W  W  A  A  R  W  R  A  A  R  R  A  A  A  R  A  R  A  A
    old backed-up                            | A  A  A  R  W  W  A  R  W  R  W  A  R  R  A  W  A  R  W  W  W  A
    old decommissioned                       | A  A  R  R  R  R  A  R  W  R  R  R  R  R  R  R  R  R  R  R  R  R
    new fresh                                | A  A  A  R  R  A  A  R  W  A  A  A  A  R  R  A  A  R  A  R  A  A
    new secret-uploaded, restarting          | A  A  A  R  R  A  A  R  W  A  A  A  W  R  R  A  A  R  A  R  A  A
    new secret-uploaded, ready               | A  A  A  R  R  A  A  R  W  A  A  A  W  R  R  A  A  R  A  R  A  A
    new backup-uploaded                      | A  A  A  R  R  A  A  R  W  A  A  A  A  R  R  A  A  R  A  R  A  A
    new uploaded, restarting                 | A  A  A  R  R  A  A  R  W  A  A  A  W  R  R  A  A  R  A  R  A  A
    new uploaded, ready                      | A  A  A  R  R  A  A  R  W  A  A  A  W  A  R  A  A  R  A  R  A  A
    new restoring                            | A  A  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R  R
    new restored                             | A  A  A  W  W  A  A  R  W  A  A  A  W  W  A  A  A  A  A  R  A  A
    new restored-inconsistent                | A  A  A  R  W  A  A  R  W  A  A  A  W  W  A  A  A  A  A  R  A  A
    new licensed                             | A  A  A  W  W  A  A  R  W  A  A  A  W  W  A  A  A  A  A  R  A  A
    new licensed, inconsistent               | A  A  A  R  W  A  A  R  W  A  A  A  W  W  A  A  A  A  A  R  A  A
    new settings-copied                      | A  A  A  W  W  A  A  R  W  A  A  A  W  W  A  A  A  A  A  R  A  A
    new live                                 | A  A  A  A  A  A  A  R  W  A  A  A  W  R  A  A  A  A  A  R  A  A
    """

  /// The table parsed: the heading's abbreviations, then (fixture name, expected kinds) per row.
  static let parsed: (heading: [String], rows: [(String, [String])]) = {
    let rows = table.split(separator: "\n").map { line in
      let cells = line.split(separator: "|", maxSplits: 1)
      return (
        cells[0].trimmingCharacters(in: .whitespaces),
        cells[1].split(separator: " ").map(String.init)
      )
    }
    return (rows[0].1, Array(rows.dropFirst()))
  }()

  static func kind(_ decision: Workflow.Decision) -> String {
    switch decision {
    case .allow: "A"
    case .allowWithWarning: "W"
    case .refuse: "R"
    }
  }

  @Test("the table covers every fixture, and the fixtures every state of each role")
  func coverage() {
    #expect(Self.parsed.heading == Self.actions.map(\.0))
    #expect(Self.parsed.rows.map(\.0) == WorkflowFixture.all.map(\.name))
    for role in WorkflowRole.allCases {
      let reached = Set(WorkflowFixture.all.filter { $0.workflow.role == role }.map(\.expected))
      #expect(reached == Set(role.states), "\(role)")
    }
    #expect(Set(WorkflowRole.allCases.flatMap(\.states)) == Set(WorkflowState.allCases))
  }

  @Test("each fixture is in its state", arguments: WorkflowFixture.all)
  func fixtureState(_ fixture: WorkflowFixture) {
    #expect(fixture.workflow.state == fixture.expected)
  }

  @Test("each cell", arguments: parsed.rows)
  func cells(_ fixtureName: String, _ expected: [String]) {
    let workflow = WorkflowFixture.named(fixtureName).workflow
    #expect(expected.count == Self.actions.count)
    for ((_, action), want) in zip(Self.actions, expected) {
      let decision = workflow.decide(action)
      #expect(Self.kind(decision) == want, "\(fixtureName) × \(action): \(decision)")
      if let refusal = decision.refusal {
        // Every refusal names the current state and a reason; only a step that belongs on the
        // other appliance may be "the same command".
        #expect(refusal.state == workflow.state)
        #expect(!refusal.reason.rawValue.isEmpty)
        #expect(refusal.next != .sameCommand || refusal.nextOn != nil)
        #expect(refusal.nextOn != workflow.role)
      }
      if let warning = decision.warning { #expect(!warning.rawValue.isEmpty) }
    }
  }
}
