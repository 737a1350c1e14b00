import Appliance
import TestSupport
import Testing

@testable import Commands

/// `restore` asks before it replaces anything: no leaves the instance as it was, batch mode
/// without `--yes` refuses without asking, yes restores.
@Suite(.engines) struct RestoreCommandTests {
  /// An old 4.x appliance taken through its side of the upgrade, and a fresh 5.x one with its
  /// Master Secret and backup uploaded (waiting for the services the upload restarted).
  static func upgradeReadyToRestore(incidents: Int) throws -> (
    old: CommandHarness, new: CommandHarness
  ) {
    let old = CommandHarness(instance: "old")
    try old.createInstance(.legacy, sampleData: incidents)
    let backup = old.directory.file("upgrade.trbk")
    let secret = old.directory.file("master.key")
    try old.run("alert-source", "disable", "--all")
    try old.run("backup", "create", "--output", backup)
    try old.run("secret", "export", "--output", secret)
    #expect(old.instances.workflowState(refresh: true) == "backed-up")

    let new = CommandHarness(instance: "new")
    try new.createInstance(.current, seed: 2)
    new.interaction.confirmAnswers = [true]
    try new.run("secret", "upload", secret)
    try new.run("backup", "upload", backup)
    #expect(new.interaction.questions.count == 1)
    #expect(new.instances.workflowState(refresh: true) == "uploaded")
    return (old, new)
  }

  @Test func asksThenRestoresOnlyOnYes() throws {
    let (old, new) = try Self.upgradeReadyToRestore(incidents: 4)
    let alerts = try old.count("alerts")
    #expect(try new.count("incidents") == 0)
    let questionsBefore = new.interaction.questions.count

    // No: nothing replaced, nothing recorded.
    new.interaction.confirmAnswers = [false]
    let declined = try new.failure("restore")
    #expect(declined.kind == .failed)
    #expect(declined.message.contains("not confirmed"))
    let question = try #require(new.interaction.questions.last)
    #expect(new.interaction.questions.count == questionsBefore + 1)
    #expect(question.contains("incidents 0 -> 4"))
    #expect(question.contains("alerts 0 -> \(alerts)"))
    #expect(question.hasSuffix("Continue?"))
    #expect(try new.count("incidents") == 0)
    #expect(new.instances.workflowState(refresh: true) == "uploaded")

    // Batch mode without --yes: refused with the reason, nobody asked.
    new.mode = .batch
    let refused = try new.failure("restore")
    #expect(refused.kind == .failed)
    #expect(refused.message.contains("nobody can answer in batch mode: add --yes"))
    #expect(new.interaction.questions.count == questionsBefore + 1)
    #expect(try new.count("incidents") == 0)

    // Yes: restored.
    new.mode = .interactive
    new.interaction.confirmAnswers = [true]
    let restored = try #require(try new.json("restore") as? [String: Any])
    #expect(new.interaction.questions.count == questionsBefore + 2)
    #expect(new.interaction.confirmAnswers.isEmpty)
    #expect(restored["validated"] as? Bool == true)
    #expect(try new.count("incidents") == 4)
    #expect(try new.count("alerts") == alerts)
    #expect(new.instances.workflowState(refresh: true) == "restored")
  }
}
