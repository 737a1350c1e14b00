import Foundation
import TestSupport
import Testing

@testable import Appliance

/// Every fixture state × every event, with the resulting state written out by hand.
@Suite("Workflow events, state × event", .engines)
struct WorkflowEventTableTests {
  /// The table's columns, in order, with the abbreviations used in its heading.
  static let events: [(String, WorkflowEvent)] = [
    ("off", .sourcesDisabled(all: true)),
    ("of1", .sourcesDisabled(all: false)),
    ("on", .sourcesEnabled),
    ("bk", .backupCreated(sourcesLive: false)),
    ("bkL", .backupCreated(sourcesLive: true)),
    ("sx", .secretExported),
    ("su", .secretUploaded),
    ("sr", .servicesReady),
    ("bu", .backupUploaded(sourcesLive: nil)),
    ("rs", .restoreStarted),
    ("rf", .restoreFinished(consistent: true)),
    ("rfI", .restoreFinished(consistent: false)),
    ("rx", .restoreFailed),
    ("cr", .credentialsReentered),
    ("li", .licenseInstalled),
    ("sc", .settingsCopied),
    ("dc", .decommissioned),
  ]

  /// The abbreviations of the resulting states.
  static let states: [String: WorkflowState] = [
    "L": .live, "SD": .sourcesDisabled, "BU": .backedUp, "DC": .decommissioned, "F": .fresh,
    "SU": .secretUploaded, "BK": .backupUploaded, "UP": .uploaded, "RG": .restoring,
    "RD": .restored, "RI": .restoredInconsistent, "LI": .licensed, "SC": .settingsCopied,
  ]

  // A string, so the formatter keeps it aligned.
  static let table = """
    fixture                                  | off of1 on  bk  bkL sx  su  sr  bu  rs  rf  rfI rx  cr  li  sc  dc
    old live                                 | SD  L   L   SD  L   L   L   L   L   L   L   L   L   L   L   L   DC
    old live, secret exported, forced backup | SD  L   L   BU  L   L   L   L   L   L   L   L   L   L   L   L   DC
    old sources-disabled                     | SD  L   L   SD  L   SD  SD  SD  SD  SD  SD  SD  SD  SD  SD  SD  DC
    old sources-disabled, backup made        | SD  L   L   SD  L   BU  SD  SD  SD  SD  SD  SD  SD  SD  SD  SD  DC
    old backed-up                            | BU  L   L   BU  L   BU  BU  BU  BU  BU  BU  BU  BU  BU  BU  BU  DC
    old decommissioned                       | DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC  DC
    new fresh                                | F   F   F   F   F   F   SU  F   BK  RG  RD  RI  F   F   F   F   F
    new secret-uploaded, restarting          | SU  SU  SU  SU  SU  SU  SU  SU  UP  RG  RD  RI  SU  SU  SU  SU  SU
    new secret-uploaded, ready               | SU  SU  SU  SU  SU  SU  SU  SU  UP  RG  RD  RI  SU  SU  SU  SU  SU
    new backup-uploaded                      | BK  BK  BK  BK  BK  BK  UP  BK  BK  RG  RD  RI  BK  BK  BK  BK  BK
    new uploaded, restarting                 | UP  UP  UP  UP  UP  UP  UP  UP  UP  RG  RD  RI  UP  UP  UP  UP  UP
    new uploaded, ready                      | UP  UP  UP  UP  UP  UP  UP  UP  UP  RG  RD  RI  UP  UP  UP  UP  UP
    new restoring                            | RG  RG  RG  RG  RG  RG  RG  RG  RG  RG  RD  RI  UP  RG  RG  RG  RG
    new restored                             | RD  L   L   RD  L   RD  RD  RD  RD  RG  RD  RI  RD  RD  LI  SC  RD
    new restored-inconsistent                | RI  L   L   RI  L   RI  RI  RI  RI  RG  RD  RI  RI  RD  LI  SC  RI
    new licensed                             | LI  L   L   LI  L   LI  LI  LI  LI  RG  RD  RI  LI  LI  LI  SC  LI
    new licensed, inconsistent               | LI  L   L   LI  L   LI  LI  LI  LI  RG  RD  RI  LI  LI  LI  SC  LI
    new settings-copied                      | SC  L   L   SC  L   SC  SC  SC  SC  RG  RD  RI  SC  SC  SC  SC  SC
    new live                                 | SC  L   L   SC  L   L   L   L   L   RG  RD  RI  L   L   L   L   L
    """

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

  @Test("the table covers every fixture and every event kind")
  func coverage() {
    #expect(Self.parsed.heading == Self.events.map(\.0))
    #expect(Self.parsed.rows.map(\.0) == WorkflowFixture.all.map(\.name))
    #expect(Set(Self.events.map(\.1.name)).count == 14)
  }

  @Test(
    "each cell, with the transition reported exactly when the state changes", arguments: parsed.rows
  )
  func cells(_ fixtureName: String, _ expected: [String]) throws {
    let start = WorkflowFixture.named(fixtureName).workflow
    #expect(expected.count == Self.events.count)
    for ((_, event), abbreviation) in zip(Self.events, expected) {
      let want = try #require(Self.states[abbreviation], "unknown state \(abbreviation)")
      var workflow = start
      let transition = workflow.apply(event)
      #expect(workflow.state == want, "\(fixtureName) + \(event)")
      #expect(workflow.role == start.role)
      if want == start.state {
        #expect(transition == nil, "\(fixtureName) + \(event)")
      } else {
        #expect(
          transition == Workflow.Transition(from: start.state, to: want, event: event.name),
          "\(fixtureName) + \(event)")
      }
    }
  }
}
