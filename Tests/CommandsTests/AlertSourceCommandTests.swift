import Appliance
import TestSupport
import Testing

@testable import Commands

/// `alert-source disable --all` stops every source, `list` shows it, and the workflow learns it.
@Suite(.engines) struct AlertSourceCommandTests {
  @Test func disableAllThenList() throws {
    let harness = CommandHarness()
    try harness.createInstance(.legacy, sampleData: 3)
    let before = try #require(try harness.json("alert-source", "list") as? [[String: Any]])
    #expect(!before.isEmpty)
    #expect(before.contains { $0["enabled"] as? Bool == true })
    #expect(harness.instances.workflowState(refresh: true) == "live")

    let changes = try #require(
      try harness.json("alert-source", "disable", "--all") as? [[String: Any]])
    #expect(changes.count == before.count)
    #expect(changes.allSatisfy { $0["enabled"] as? Bool == false })

    let after = try #require(try harness.json("alert-source", "list") as? [[String: Any]])
    #expect(after.map { $0["name"] as? String } == before.map { $0["name"] as? String })
    #expect(after.allSatisfy { $0["enabled"] as? Bool == false })
    #expect(harness.instances.workflowState(refresh: true) == "sources-disabled")

    // Again, abbreviated: nothing left to change, and the text says so per source.
    let again = try harness.run("al", "dis", "--all").text
    #expect(again.split(separator: "\n").allSatisfy { $0.hasSuffix(": already disabled") })
  }

  @Test func namesOrAllButNotBoth() throws {
    let harness = CommandHarness()
    try harness.createInstance(.legacy, sampleData: 1)
    let both = try harness.failure("alert-source", "disable", "--all", "TAP")
    #expect(both.kind == .usage)
    #expect(both.message.contains("not both"))
    let neither = try harness.failure("alert-source", "disable")
    #expect(neither.kind == .usage)
  }
}
