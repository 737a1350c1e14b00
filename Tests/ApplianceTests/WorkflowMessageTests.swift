import TestSupport
import Testing

@testable import Appliance

/// The exact wording admins see: refusals name the state and the next command.
@Suite("Workflow messages", .engines)
struct WorkflowMessageTests {
  static func fixture(_ name: String) -> Workflow { WorkflowFixture.named(name).workflow }

  @Test("restore on a fresh appliance")
  func restoreFresh() {
    #expect(
      Self.fixture("new fresh").decide(.restore).refusal?.message
        == "refused in state 'fresh': restore needs an uploaded Master Secret and an uploaded backup;"
        + " next: secret upload FILE")
  }

  @Test("restore with only one upload names the missing one")
  func restoreHalfUploaded() {
    #expect(
      Self.fixture("new secret-uploaded, ready").decide(.restore).refusal?.message
        == "refused in state 'secret-uploaded': restore needs an uploaded backup; next: backup upload FILE"
    )
    #expect(
      Self.fixture("new backup-uploaded").decide(.restore).refusal?.message
        == "refused in state 'backup-uploaded': restore needs an uploaded Master Secret; next: secret upload FILE"
    )
  }

  @Test("backup with live sources says to disable them or use --force")
  func backupWithLiveSources() {
    let message =
      Self.fixture("old live").decide(.backupCreate(force: false, sourcesEnabled: true)).refusal?
      .message ?? ""
    #expect(message.hasPrefix("refused in state 'live': alert sources are enabled"))
    #expect(message.contains("--force"))
    #expect(message.hasSuffix("; next: alert-source disable --all"))
  }

  @Test("enabling sources before the restore points at the next upload")
  func enableBeforeRestore() {
    let refusal = Self.fixture("new fresh").decide(.enableSources(force: true)).refusal
    #expect(refusal?.state == .fresh)
    #expect(refusal?.unblock == WorkflowCommand.secretUpload)
    #expect(
      Self.fixture("new uploaded, ready").decide(.enableSources(force: false)).refusal?.unblock
        == WorkflowCommand.restore)
  }

  @Test("the old appliance refuses uploads and restores, pointing at the new one")
  func oldRefusesRestore() {
    let old = Self.fixture("old sources-disabled")
    #expect(
      old.decide(.restore).refusal?.unblock == "restore --validate-encryption on the new appliance")
    #expect(old.decide(.secretUpload).refusal?.unblock == "secret upload FILE on the new appliance")
    #expect(old.decide(.backupUpload).refusal?.unblock == "backup upload FILE on the new appliance")
  }

  @Test("decommission: old only, after the backup; the unblock is the missing step")
  func decommission() {
    #expect(
      Self.fixture("old live").decide(.decommission).refusal?.unblock
        == WorkflowCommand.disableSources)
    #expect(
      Self.fixture("old sources-disabled").decide(.decommission).refusal?.unblock
        == WorkflowCommand.backupCreate)
    #expect(
      Self.fixture("old sources-disabled, backup made").decide(.decommission).refusal?.unblock
        == WorkflowCommand.secretExport)
    #expect(
      Self.fixture("new live").decide(.decommission).refusal?.unblock
        == "instance decommission on the old appliance")
  }

  /// The new appliance restored from a backup whose sources-live flag is `flag`.
  static func restored(backupSourcesLive flag: Bool?) -> Workflow {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    for event: WorkflowEvent in [
      .secretUploaded, .servicesReady, .backupUploaded(sourcesLive: flag), .restoreStarted,
      .restoreFinished(consistent: true),
    ] {
      w.apply(event)
    }
    return w
  }

  @Test(
    "enabling sources warns about the old appliance according to the backup's sources-live flag")
  func enableWarnings() {
    #expect(
      Self.restored(backupSourcesLive: true).decide(.enableSources(force: false))
        == .allowWithWarning(
          "the backup was made with alert sources enabled: make sure the old appliance's sources"
            + " are disabled before enabling these"))
    let disabled = Self.restored(backupSourcesLive: false).decide(.enableSources(force: false))
      .warning
    let unknown = Self.restored(backupSourcesLive: nil).decide(.enableSources(force: false)).warning
    #expect(disabled?.contains("made with the old appliance's alert sources disabled") == true)
    #expect(unknown?.contains("not known") == true)
    #expect(Set([disabled, unknown]).count == 2)
  }

  @Test("transitions carry kebab-case state names and event names")
  func names() {
    #expect(WorkflowState.sourcesDisabled.rawValue == "sources-disabled")
    #expect(WorkflowState.restoredInconsistent.rawValue == "restored-inconsistent")
    #expect(WorkflowState.allCases.allSatisfy { $0.rawValue == $0.rawValue.lowercased() })
    #expect(WorkflowEvent.restoreFinished(consistent: false).name == "restore-finished")
  }

  @Test("the role follows the appliance version")
  func role() {
    #expect(WorkflowRole(applianceVersion: "4.6") == .old)
    #expect(WorkflowRole(applianceVersion: "3.2.1") == .old)
    #expect(WorkflowRole(applianceVersion: "5.0") == .new)
    #expect(WorkflowRole(applianceVersion: "5.x") == .new)
    #expect(Workflow.initial(role: .old, sourcesEnabled: false).state == .sourcesDisabled)
  }
}
