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
      w.plan().map(\.command) == [
        "alert-source disable --all", "backup create", "secret export --output FILE",
        "instance decommission",
      ])
    #expect(w.plan().map(\.needsInput) == [false, false, true, true])
    #expect(w.plan().allSatisfy { !$0.done })
    #expect(w.nextStep()?.command == "alert-source disable --all")
    w.apply(.sourcesDisabled(all: true))
    #expect(w.nextStep()?.command == "backup create")
    w.apply(.backupCreated(sourcesLive: false))
    w.apply(.secretExported)
    #expect(w.plan().map(\.done) == [true, true, true, false])
    #expect(w.nextStep()?.command == "instance decommission")
  }

  @Test("new checklist, in order, with progress")
  func newPlan() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    #expect(
      w.plan().map(\.command) == [
        "secret upload FILE", "show services", "backup upload FILE",
        "restore --validate-encryption",
        "license validate", "settings copy", "alert-source enable --all", "show status",
      ])
    #expect(w.plan().map(\.needsInput) == [true, false, true, false, false, true, false, true])
    #expect(w.nextStep()?.command == "secret upload FILE")
    w.apply(.secretUploaded)
    #expect(w.nextStep()?.command == "show services")
    w.apply(.servicesReady)
    #expect(w.nextStep()?.command == "backup upload FILE")
    w.apply(.backupUploaded(sourcesLive: false))
    #expect(w.nextStep()?.command == "restore --validate-encryption")
    w.apply(.restoreStarted)
    w.apply(.restoreFinished(consistent: true))
    #expect(w.nextStep()?.command == "license validate")
    w.apply(.licenseInstalled)
    w.apply(.settingsCopied)
    w.apply(.sourcesEnabled)
    #expect(w.plan().map(\.done) == [true, true, true, true, true, true, true, false])
    #expect(w.nextStep()?.title.contains("decommission the old appliance") == true)
  }

  @Test("an inconsistent restore adds the re-entry step")
  func inconsistentPlan() {
    var w = WorkflowFixture.named("new restored-inconsistent").workflow
    let commands = w.plan().map(\.command)
    #expect(commands.firstIndex(of: WorkflowCommand.reenterCredentials) == 4)
    w.apply(.credentialsReentered)
    #expect(w.plan()[4].done)
    #expect(w.nextStep()?.command == WorkflowCommand.licenseValidate)
  }

  @Test("every step has a title and a command", arguments: WorkflowFixture.all)
  func wellFormed(_ fixture: WorkflowFixture) {
    for step in fixture.workflow.plan() {
      #expect(!step.title.isEmpty && !step.command.isEmpty)
    }
  }
}
