import Appliance
import TestSupport
import Testing

@testable import Commands

/// The command layer's spelling of the workflow: steps as trsh command lines, whole refusal
/// messages, and the plan as `upgrade plan` shows it.
@Suite(.engines) struct WorkflowSpellingTests {
  /// A new appliance after `events`.
  static func new(_ events: [WorkflowEvent]) -> Workflow {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    for event in events { w.apply(event) }
    return w
  }

  @Test("every step but 'run it' is a command line trsh parses")
  func stepsParse() throws {
    let catalog = CommandCatalog(root: TrshCommand.self)
    let spellings = WorkflowStep.allCases.map(\.commandLine)
    #expect(Set(spellings).count == spellings.count)
    for step in WorkflowStep.allCases where step != .sameCommand {
      let resolved = try catalog.resolve(step.commandLine.split(separator: " ").map(String.init))
      #expect(throws: Never.self, "\(step)") { try resolved.node.type.parse(resolved.arguments) }
    }
  }

  @Test("refusal messages, word for word")
  func messages() {
    #expect(
      Self.new([]).decide(.restore).refusal?.message
        == "refused in state 'fresh': restore needs an uploaded Master Secret and an uploaded backup;"
        + " next: secret upload FILE")
    #expect(
      Self.new([.secretUploaded, .servicesReady]).decide(.restore).refusal?.message
        == "refused in state 'secret-uploaded': restore needs an uploaded backup; next: backup upload FILE"
    )
    #expect(
      Self.new([.backupUploaded(sourcesLive: true), .secretUploaded]).decide(.restore).refusal?
        .message
        == "refused in state 'uploaded': services are restarting after the Master Secret upload;"
        + " wait until they run; next: show services")
    #expect(
      Self.new([]).decide(.decommission).refusal?.unblock
        == "instance decommission on the old appliance")
  }

  @Test("the old appliance points uploads and restores at the new one")
  func oldRefusals() {
    let old = Workflow.initial(role: .old, sourcesEnabled: false)
    #expect(
      old.decide(.restore).refusal?.unblock == "restore --validate-encryption on the new appliance")
    #expect(old.decide(.secretUpload).refusal?.unblock == "secret upload FILE on the new appliance")
    #expect(old.decide(.backupUpload).refusal?.unblock == "backup upload FILE on the new appliance")
    var live = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(
      live.decide(.backupCreate(force: false, sourcesEnabled: true)).refusal?.message.hasSuffix(
        "; next: alert-source disable --all") == true)
    live.apply(.decommissioned)
    #expect(live.decide(.secretExport).refusal?.unblock == "run it on the new appliance")
  }

  @Test("the plans as shown, step by step")
  func plans() {
    #expect(
      Workflow.initial(role: .old, sourcesEnabled: true).plan().map(PlanStepShown.init).map(
        \.command)
        == [
          "alert-source disable --all", "backup create", "secret export --output FILE",
          "instance decommission",
        ])
    #expect(
      Self.new([]).plan().map { PlanStepShown($0).command } == [
        "secret upload FILE", "show services", "backup upload FILE",
        "restore --validate-encryption", "license validate", "settings copy",
        "alert-source enable --all", "show status",
      ])
  }

  /// The new appliance restored from a backup whose sources-live flag is `flag`.
  static func restored(backupSourcesLive flag: Bool?) -> Workflow {
    new([
      .secretUploaded, .servicesReady, .backupUploaded(sourcesLive: flag), .restoreStarted,
      .restoreFinished(consistent: true),
    ])
  }

  @Test("warnings, worded from the workflow's facts")
  func warnings() {
    func text(_ flag: Bool?) -> String? {
      let w = Self.restored(backupSourcesLive: flag)
      return w.decide(.enableSources(force: false)).warning?.text(in: w)
    }
    #expect(
      text(true)
        == "the backup was made with alert sources enabled: make sure the old appliance's sources"
        + " are disabled before enabling these")
    #expect(text(false)?.contains("made with the old appliance's alert sources disabled") == true)
    #expect(text(nil)?.contains("not known") == true)
    let inconsistent = Self.new([
      .secretUploaded, .servicesReady, .backupUploaded(sourcesLive: false), .restoreStarted,
      .restoreFinished(consistent: false),
    ])
    let forced = inconsistent.decide(.enableSources(force: true)).warning?.text(in: inconsistent)
    #expect(forced?.contains("unreadable") == true && forced?.contains("old appliance") == true)
  }

  @Test("every reason and warning has words; reasons that offer --force say so")
  func everyReasonIsWorded() {
    for reason in WorkflowTable.Reason.allCases { #expect(!reason.text.isEmpty, "\(reason)") }
    let w = Self.restored(backupSourcesLive: nil)
    for warning in WorkflowTable.Warning.allCases { #expect(!warning.text(in: w).isEmpty) }
    #expect(WorkflowTable.Reason.sourcesWouldPollTwice.text.contains("backup create --force"))
    #expect(WorkflowTable.Reason.unreadableFields.text.contains("--force"))
    #expect(WorkflowTable.Reason.decommissioned.text.contains("show, help and backup create"))
  }
}
