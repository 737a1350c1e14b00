import TestSupport
import Testing

@testable import Appliance

/// What refusals and warnings name: the reason, the state and the step to take next (the
/// command layer words and spells them; `WorkflowSpellingTests` checks the whole message).
@Suite("Workflow messages", .engines)
struct WorkflowMessageTests {
  static func fixture(_ name: String) -> Workflow { WorkflowFixture.named(name).workflow }

  @Test("restore on a fresh appliance")
  func restoreFresh() {
    let refusal = Self.fixture("new fresh").decide(.restore).refusal
    #expect(refusal?.state == .fresh)
    #expect(refusal?.reason == .restoreNeedsUploads)
    #expect(refusal?.next == .secretUpload && refusal?.nextOn == nil)
  }

  @Test("restore with only one upload names the missing one")
  func restoreHalfUploaded() {
    let noBackup = Self.fixture("new secret-uploaded, ready").decide(.restore).refusal
    #expect(noBackup?.reason == .restoreNeedsBackup)
    #expect(noBackup?.next == .backupUpload)
    let noSecret = Self.fixture("new backup-uploaded").decide(.restore).refusal
    #expect(noSecret?.reason == .restoreNeedsSecret)
    #expect(noSecret?.next == .secretUpload)
  }

  @Test("backup with live sources is refused: disable them first")
  func backupWithLiveSources() {
    let refusal = Self.fixture("old live").decide(.backupCreate(force: false, sourcesEnabled: true))
      .refusal
    #expect(refusal?.reason == .sourcesWouldPollTwice)
    #expect(refusal?.next == .disableSources)
  }

  @Test("enabling sources before the restore points at the next upload")
  func enableBeforeRestore() {
    let refusal = Self.fixture("new fresh").decide(.enableSources(force: true)).refusal
    #expect(refusal?.state == .fresh)
    #expect(refusal?.next == .secretUpload)
    #expect(
      Self.fixture("new uploaded, ready").decide(.enableSources(force: false)).refusal?.next
        == .restore)
  }

  @Test("the old appliance refuses uploads and restores, pointing at the new one")
  func oldRefusesRestore() {
    let old = Self.fixture("old sources-disabled")
    for (action, step) in [
      (WorkflowAction.restore, WorkflowStep.restore), (.secretUpload, .secretUpload),
      (.backupUpload, .backupUpload),
    ] {
      let refusal = old.decide(action).refusal
      #expect(refusal?.next == step && refusal?.nextOn == .new, "\(action)")
    }
  }

  @Test("decommission: old only, after the backup; the next step is the missing one")
  func decommission() {
    #expect(Self.fixture("old live").decide(.decommission).refusal?.next == .disableSources)
    #expect(
      Self.fixture("old sources-disabled").decide(.decommission).refusal?.next == .backupCreate)
    #expect(
      Self.fixture("old sources-disabled, backup made").decide(.decommission).refusal?.next
        == .secretExport)
    let onNew = Self.fixture("new live").decide(.decommission).refusal
    #expect(onNew?.next == .decommission && onNew?.nextOn == .old)
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

  @Test("enabling sources warns about the old appliance; the warning's facts come along")
  func enableWarnings() {
    for flag: Bool? in [true, false, nil] {
      let w = Self.restored(backupSourcesLive: flag)
      #expect(w.decide(.enableSources(force: false)) == .allowWithWarning(.oldAppliancePolls))
      #expect(w.backupSourcesLive == flag)
    }
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
