import TestSupport
import Testing

@testable import Appliance

/// The workflow table itself: complete, without dead rows, and its event column.
@Suite("Workflow table", .engines)
struct WorkflowTableTests {
  @Test("one entry per action kind, in the kinds' order")
  func oneEntryPerKind() {
    #expect(WorkflowTable.entries.map(\.action) == WorkflowAction.Kind.allCases)
    #expect(WorkflowPathTests.everyAction.map(\.kind).uniqued() == WorkflowAction.Kind.allCases)
  }

  @Test(
    "every (role, state, action) has a row without conditions, so some row always decides",
    arguments: WorkflowTable.entries.map(\.action))
  func covered(_ kind: WorkflowAction.Kind) throws {
    let entry = try #require(WorkflowTable.entries.first { $0.action == kind })
    for role in WorkflowRole.allCases {
      for state in role.states {
        #expect(
          entry.rows.contains { $0.conditions.isEmpty && $0.scope.contains(role, state) },
          "\(kind): no row decides \(role) \(state)")
      }
    }
  }

  @Test("a row's states belong to its role")
  func scopesAreWellFormed() {
    for entry in WorkflowTable.entries {
      for row in entry.rows {
        guard let states = row.scope.states else { continue }
        #expect(!states.isEmpty)
        if let role = row.scope.role {
          #expect(states.isSubset(of: role.states), "\(entry.action): \(states)")
        } else {
          Issue.record("\(entry.action): states \(states) named for both roles")
        }
      }
    }
  }

  @Test("every row decides for some fixture and action: no row is dead")
  func noDeadRows() {
    var used = Set<String>()
    for fixture in WorkflowFixture.all {
      for action in WorkflowPathTests.everyAction {
        let rows = WorkflowTable.entry(for: action).rows
        if let index = rows.firstIndex(where: { $0.applies(to: action, in: fixture.workflow) }) {
          used.insert("\(action.kind) \(index)")
          #expect(WorkflowTable.row(for: action, in: fixture.workflow) == rows[index])
        }
      }
    }
    for entry in WorkflowTable.entries {
      for index in entry.rows.indices {
        #expect(used.contains("\(entry.action) \(index)"), "\(entry.action) row \(index) is dead")
      }
    }
  }

  @Test("the decision is the deciding row's verdict, its texts and next step resolved")
  func decisionFollowsTheRow() {
    for fixture in WorkflowFixture.all {
      let w = fixture.workflow
      for action in WorkflowPathTests.everyAction {
        let decision = w.decide(action)
        switch WorkflowTable.row(for: action, in: w).verdict {
        case .allow: #expect(decision == .allow)
        case .warn(let warning): #expect(decision == .allowWithWarning(warning))
        case .refuse(let reason, let next):
          #expect(decision.refusal?.reason == reason)
          switch next {
          case .here(let step): #expect(decision.refusal?.next == step)
          case .on(let role, let step):
            #expect(decision.refusal?.next == step && decision.refusal?.nextOn == role)
          case .planNext: #expect(decision.refusal?.next == w.nextStep()?.step ?? .showStatus)
          }
        }
      }
    }
  }

  /// The event column: what a success with each outcome records, written out by hand.
  static let events: [(WorkflowAction, WorkflowOutcome, WorkflowEvent?)] = [
    (.show, .done, nil),
    (.help, .done, nil),
    (.disableSources, .sourcesDisabled(noneLeft: true), .sourcesDisabled(all: true)),
    (.disableSources, .sourcesDisabled(noneLeft: false), .sourcesDisabled(all: false)),
    (.enableSources(force: false), .done, .sourcesEnabled),
    (.credentialsReenter, .secretReentered(nothingUnreadable: true), .credentialsReentered),
    (.credentialsReenter, .secretReentered(nothingUnreadable: false), nil),
    (
      .backupCreate(force: false, sourcesEnabled: false), .backupWritten(sourcesLive: false),
      .backupCreated(sourcesLive: false)
    ),
    (
      .backupCreate(force: true, sourcesEnabled: true), .backupWritten(sourcesLive: true),
      .backupCreated(sourcesLive: true)
    ),
    (.backupUpload, .backupUploaded(sourcesLive: nil), .backupUploaded(sourcesLive: nil)),
    (.backupUpload, .backupUploaded(sourcesLive: true), .backupUploaded(sourcesLive: true)),
    (.backupDelete, .done, nil),
    (.secretExport, .done, .secretExported),
    (.secretUpload, .done, .secretUploaded),
    (.restore, .restoreStarted, .restoreStarted),
    (.restore, .restoreFinished(consistent: false), .restoreFinished(consistent: false)),
    (.restore, .restoreFailed, .restoreFailed),
    (.licenseValidate, .licensesValidated(anyInstalled: true), .licenseInstalled),
    (.licenseValidate, .licensesValidated(anyInstalled: false), nil),
    (.licenseEdit, .done, nil),
    (.licenseEdit, .secretReentered(nothingUnreadable: true), .credentialsReentered),
    (.settingsExport, .done, nil),
    (.settingsCopy, .done, .settingsCopied),
    (.settingsEdit, .done, nil),
    (.settingsEdit, .secretReentered(nothingUnreadable: true), .credentialsReentered),
    (.decommission, .done, .decommissioned),
    (.instanceAdmin, .done, nil),
    (.other, .done, nil),
  ]

  @Test("the event column, per action and outcome")
  func eventColumn() {
    #expect(Set(Self.events.map(\.0.kind)) == Set(WorkflowAction.Kind.allCases))
    for (action, outcome, event) in Self.events {
      #expect(WorkflowTable.event(for: action, outcome: outcome) == event, "\(action) \(outcome)")
    }
  }

  @Test("a re-entered secret counts only while the restore left fields unreadable")
  func credentialsRecordedWhenUnreadable() {
    let reentered = WorkflowOutcome.secretReentered(nothingUnreadable: true)
    for action: WorkflowAction in [.credentialsReenter, .licenseEdit, .settingsEdit] {
      for fixture in WorkflowFixture.all {
        let event = WorkflowTable.event(for: action, outcome: reentered, in: fixture.workflow)
        #expect(
          (event == .credentialsReentered) == fixture.workflow.hasUnreadableFields,
          "\(action) in \(fixture.name)")
      }
    }
  }

  @Test("only the restore and the secret upload record from inside their operation")
  func recordedByOperation() {
    let byOperation = WorkflowTable.entries.filter { $0.recordedBy == .operation }.map(\.action)
    #expect(byOperation == [.secretUpload, .restore])
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
