import Appliance
import Foundation
import TestSupport
import Testing

@testable import Commands

/// What the shell asks of the command layer about its instance: opening (late or early),
/// first-start creation, the workflow state, the prompt's label and the audit log.
@Suite(.engines) struct InstanceSessionTests {
  @Test func aMissingInstanceIsNeverCreatedByUse() throws {
    let harness = CommandHarness()
    let session = harness.instances
    #expect(throws: ApplianceError.self) { try session.instance() }
    do {
      _ = try session.instance()
    } catch let error as ApplianceError {
      #expect(error.message.contains("no appliance instance at \(harness.instancePath.path)"))
    }
    #expect(session.workflowState() == nil)
    #expect(session.promptLabel.hasSuffix(":ready"))
    session.audit(
      "show version", origin: .oneShot, status: 0, durationMs: 1, stateBefore: nil,
      stateAfter: nil)
    #expect(!FileManager.default.fileExists(atPath: harness.instancePath.path))
  }

  @Test func firstStartCreatesOnce() throws {
    let harness = CommandHarness()
    let session = harness.instances
    #expect(try session.createIfMissing())
    #expect(try !session.createIfMissing())
    #expect(Instance.exists(at: harness.instancePath))
    let meta = try session.instance().store().meta()
    #expect(meta.applianceVersion == SchemaGeneration.current.applianceVersion)
    #expect(session.workflowState() == "fresh")
    #expect(session.promptLabel == "\(meta.hostname):fresh")
  }

  @Test func earlyOpeningIsHandedOver() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let session = InstanceSession(path: harness.instancePath, environment: ["USER": "tester"])
    var started = 0
    session.openEarly { work in
      started += 1
      Thread.detachNewThread { work() }
    }
    session.openEarly { _ in started += 1 }  // once only
    #expect(started == 1)
    #expect(session.workflowState() == "fresh")
    #expect(session.promptLabel == "testbox:fresh")
    #expect(try session.instance() === session.instance())
    session.finishOpening()
    session.finishOpening()
  }

  @Test func earlyOpeningOfAMissingInstanceReportsWhyLater() throws {
    let harness = CommandHarness()
    let session = harness.instances
    session.openEarly { work in work() }
    #expect(throws: ApplianceError.self) { try session.instance() }
    session.finishOpening()
  }

  @Test func cachedStateUnlessRefreshed() throws {
    let harness = CommandHarness()
    try harness.createInstance(.legacy, sampleData: 1)
    #expect(harness.instances.workflowState() == "live")
    try harness.run("alert-source", "disable", "--all")
    #expect(harness.instances.workflowState() == "live")
    #expect(harness.instances.workflowState(refresh: true) == "sources-disabled")
    #expect(harness.instances.promptLabel == "testbox:sources-disabled")
  }

  @Test func auditWritesOneLinePerCommand() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let session = harness.instances
    session.audit(
      "backup create", origin: .batch(source: "up.trsh", line: 3), status: 3, durationMs: 7,
      stateBefore: "fresh", stateAfter: "fresh")
    session.audit(
      "show version", origin: .tty, status: 0, durationMs: 0, stateBefore: "fresh",
      stateAfter: nil)
    let text = try String(
      contentsOf: harness.instancePath.appendingPathComponent("audit.log"), encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 2)
    let first = try #require(lines[0] ?? nil)
    #expect(first["command"] as? String == "backup create")
    #expect(first["origin"] as? String == "batch up.trsh:3")
    #expect(first["user"] as? String == "tester")
    #expect(first["exitCode"] as? Int == 3)
    #expect(first["durationMs"] as? Int == 7)
    #expect(first["stateBefore"] as? String == "fresh")
    let second = try #require(lines[1] ?? nil)
    #expect(second["origin"] as? String == "tty")
    #expect(second["stateAfter"] == nil)
  }
}
