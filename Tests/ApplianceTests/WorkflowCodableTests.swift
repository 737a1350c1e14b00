import Foundation
import TestSupport
import Testing

@testable import Appliance

/// The store persists the workflow as JSON: it must come back identical.
@Suite("Workflow Codable", .engines)
struct WorkflowCodableTests {
  static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
  }

  @Test("every fixture survives a round trip with its state", arguments: WorkflowFixture.all)
  func workflow(_ fixture: WorkflowFixture) throws {
    let back = try Self.roundTrip(fixture.workflow)
    #expect(back == fixture.workflow)
    #expect(back.state == fixture.expected)
  }

  @Test("actions, events, decisions, transitions and plan steps round-trip")
  func values() throws {
    for action in WorkflowPathTests.everyAction { #expect(try Self.roundTrip(action) == action) }
    for (_, event) in WorkflowEventTableTests.events { #expect(try Self.roundTrip(event) == event) }
    for state in WorkflowState.allCases { #expect(try Self.roundTrip(state) == state) }
    let decisions: [Workflow.Decision] = [
      .allow, .allowWithWarning(.restoreAgain),
      .refuse(.init(state: .fresh, reason: .restoreNeedsSecret, next: .secretUpload)),
      .refuse(.init(state: .live, reason: .decommissionOnNew, next: .decommission, nextOn: .old)),
    ]
    for decision in decisions { #expect(try Self.roundTrip(decision) == decision) }
    let transition = Workflow.Transition(from: .uploaded, to: .restoring, event: "restore-started")
    #expect(try Self.roundTrip(transition) == transition)
    for step in WorkflowFixture.named("new licensed").workflow.plan() {
      #expect(try Self.roundTrip(step) == step)
    }
  }

  @Test("states encode as their kebab-case names")
  func stateJSON() throws {
    let json = try JSONEncoder().encode([WorkflowState.restoredInconsistent])
    #expect(String(decoding: json, as: UTF8.self) == #"["restored-inconsistent"]"#)
  }

  @Test("a workflow saved before a fact existed still loads, the fact defaulted")
  func missingFacts() throws {
    let json =
      #"{"role":"new","secretUploaded":true,"backupUploaded":true,"backupSourcesLive":true}"#
    let w = try JSONDecoder().decode(Workflow.self, from: Data(json.utf8))
    #expect(w.state == .uploaded)
    #expect(w.backupSourcesLive == true)
    #expect(!w.servicesRestarting)
  }
}
