import TestSupport
import Testing

@testable import Appliance

/// `upgrade plan` / `upgrade next`: the checklist per role and its progress.
@Suite("Workflow plan", .engines)
struct WorkflowPlanTests {
  @Test("old checklist, in order, with progress")
  func oldPlan() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(
      w.plan().map(\.step) == [.disableSources, .backupCreate, .secretExport, .decommission])
    #expect(w.plan().map(\.needsInput) == [false, false, true, true])
    #expect(w.plan().allSatisfy { !$0.done })
    #expect(w.nextStep()?.step == .disableSources)
    w.apply(.sourcesDisabled(all: true))
    #expect(w.nextStep()?.step == .backupCreate)
    w.apply(.backupCreated(sourcesLive: false))
    w.apply(.secretExported)
    #expect(w.plan().map(\.done) == [true, true, true, false])
    #expect(w.nextStep()?.step == .decommission)
  }

  @Test("new checklist, in order, with progress")
  func newPlan() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    #expect(
      w.plan().map(\.step) == [
        .secretUpload, .showServices, .backupUpload, .restore, .licenseValidate, .settingsCopy,
        .enableSources, .showStatus,
      ])
    #expect(w.plan().map(\.needsInput) == [true, false, true, false, false, true, false, true])
    #expect(w.nextStep()?.step == .secretUpload)
    w.apply(.secretUploaded)
    #expect(w.nextStep()?.step == .showServices)
    w.apply(.servicesReady)
    #expect(w.nextStep()?.step == .backupUpload)
    w.apply(.backupUploaded(sourcesLive: false))
    #expect(w.nextStep()?.step == .restore)
    w.apply(.restoreStarted)
    w.apply(.restoreFinished(consistent: true))
    #expect(w.nextStep()?.step == .licenseValidate)
    w.apply(.licenseInstalled)
    w.apply(.settingsCopied)
    w.apply(.sourcesEnabled)
    #expect(w.plan().map(\.done) == [true, true, true, true, true, true, true, false])
    #expect(w.nextStep()?.title.contains("decommission the old appliance") == true)
  }

  @Test("an inconsistent restore adds the re-entry step")
  func inconsistentPlan() {
    var w = WorkflowFixture.named("new restored-inconsistent").workflow
    #expect(w.plan().map(\.step).firstIndex(of: .reenterCredentials) == 4)
    w.apply(.credentialsReentered)
    #expect(w.plan()[4].done)
    #expect(w.nextStep()?.step == .licenseValidate)
  }

  @Test("every step has a title", arguments: WorkflowFixture.all)
  func wellFormed(_ fixture: WorkflowFixture) {
    for step in fixture.workflow.plan() {
      #expect(!step.title.isEmpty)
    }
  }
}
