import TestSupport
import Testing

@testable import Appliance

/// Whole upgrades, step by step: each command is asked first, then its event applied.
@Suite("Workflow paths", .engines)
struct WorkflowPathTests {
  /// What the shell does for one command: ask, then record. Returns the new state's name.
  @discardableResult
  static func step(
    _ workflow: inout Workflow, _ action: WorkflowAction, _ event: WorkflowEvent,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Workflow.Transition? {
    let decision = workflow.decide(action)
    #expect(
      decision.isAllowed, "\(action) in \(workflow.state): \(decision)",
      sourceLocation: sourceLocation)
    return workflow.apply(event)
  }

  @Test("old appliance: disable sources, back up, export secret, decommission")
  func oldPath() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(w.state == .live)
    var transitions: [Workflow.Transition?] = []
    transitions.append(Self.step(&w, .disableSources, .sourcesDisabled(all: true)))
    transitions.append(
      Self.step(
        &w, .backupCreate(force: false, sourcesEnabled: false), .backupCreated(sourcesLive: false)))
    transitions.append(Self.step(&w, .secretExport, .secretExported))
    #expect(w.decide(.decommission).warning != nil)
    transitions.append(Self.step(&w, .decommission, .decommissioned))
    #expect(
      transitions == [
        .init(from: .live, to: .sourcesDisabled, event: "sources-disabled"),
        nil,
        .init(from: .sourcesDisabled, to: .backedUp, event: "secret-exported"),
        .init(from: .backedUp, to: .decommissioned, event: "decommissioned"),
      ])
    #expect(w.sourcesEnabled == false)
    #expect(w.nextStep() == nil)
  }

  @Test("old appliance: the secret may be exported first, even while sources are live")
  func oldPathSecretFirst() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(Self.step(&w, .secretExport, .secretExported) == nil)
    #expect(w.state == .live)
    Self.step(&w, .disableSources, .sourcesDisabled(all: true))
    let last = Self.step(
      &w, .backupCreate(force: false, sourcesEnabled: false), .backupCreated(sourcesLive: false))
    #expect(last == .init(from: .sourcesDisabled, to: .backedUp, event: "backup-created"))
  }

  @Test("old appliance: a forced backup with sources live does not count")
  func oldForcedBackup() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    Self.step(&w, .secretExport, .secretExported)
    #expect(w.decide(.backupCreate(force: false, sourcesEnabled: true)).refusal != nil)
    Self.step(
      &w, .backupCreate(force: true, sourcesEnabled: true), .backupCreated(sourcesLive: true))
    #expect(w.forcedBackupCreated)
    Self.step(&w, .disableSources, .sourcesDisabled(all: true))
    #expect(w.state == .sourcesDisabled)
    #expect(w.decide(.decommission).refusal?.unblock == WorkflowCommand.backupCreate)
  }

  @Test("old appliance: disabling only some sources keeps it live")
  func oldPartialDisable() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(Self.step(&w, .disableSources, .sourcesDisabled(all: false)) == nil)
    #expect(w.state == .live)
  }

  @Test("old appliance: sources re-enabled after the backup make it stale")
  func oldStaleBackup() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    for event in WorkflowFixture.oldBackedUp { w.apply(event) }
    #expect(w.state == .backedUp)
    #expect(
      w.decide(.enableSources(force: false)).refusal?.unblock == WorkflowCommand.enableSourcesForce)
    Self.step(&w, .enableSources(force: true), .sourcesEnabled)
    #expect(w.state == .live)
    Self.step(&w, .disableSources, .sourcesDisabled(all: true))
    #expect(w.state == .sourcesDisabled)
    #expect(w.nextStep()?.command == WorkflowCommand.backupCreate)
  }

  /// The new side up to and including a validated restore, in the given upload order.
  static func newUpToRestore(secretFirst: Bool) -> (Workflow, [Workflow.Transition?]) {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    var transitions: [Workflow.Transition?] = []
    if secretFirst {
      transitions.append(step(&w, .secretUpload, .secretUploaded))
      transitions.append(step(&w, .backupUpload, .backupUploaded(sourcesLive: false)))
    } else {
      transitions.append(step(&w, .backupUpload, .backupUploaded(sourcesLive: false)))
      transitions.append(step(&w, .secretUpload, .secretUploaded))
    }
    #expect(w.state == .uploaded)
    #expect(w.servicesRestarting)
    #expect(w.decide(.restore).refusal?.unblock == WorkflowCommand.showServices)
    transitions.append(w.apply(.servicesReady))
    transitions.append(step(&w, .restore, .restoreStarted))
    transitions.append(w.apply(.restoreFinished(consistent: true)))
    return (w, transitions)
  }

  /// The new side from `restored` to `live`.
  static func newFinish(_ w: inout Workflow) -> [Workflow.Transition?] {
    [
      step(&w, .licenseValidate, .licenseInstalled),
      step(&w, .settingsCopy, .settingsCopied),
      step(&w, .enableSources(force: false), .sourcesEnabled),
    ]
  }

  @Test("new appliance, secret uploaded first, to live")
  func newPathSecretFirst() {
    var (w, transitions) = Self.newUpToRestore(secretFirst: true)
    transitions += Self.newFinish(&w)
    #expect(
      transitions == [
        .init(from: .fresh, to: .secretUploaded, event: "secret-uploaded"),
        .init(from: .secretUploaded, to: .uploaded, event: "backup-uploaded"),
        nil,
        .init(from: .uploaded, to: .restoring, event: "restore-started"),
        .init(from: .restoring, to: .restored, event: "restore-finished"),
        .init(from: .restored, to: .licensed, event: "license-installed"),
        .init(from: .licensed, to: .settingsCopied, event: "settings-copied"),
        .init(from: .settingsCopied, to: .live, event: "sources-enabled"),
      ])
    #expect(w.state == .live)
  }

  @Test("new appliance, backup uploaded first, to live")
  func newPathBackupFirst() {
    var (w, transitions) = Self.newUpToRestore(secretFirst: false)
    transitions += Self.newFinish(&w)
    #expect(
      transitions == [
        .init(from: .fresh, to: .backupUploaded, event: "backup-uploaded"),
        .init(from: .backupUploaded, to: .uploaded, event: "secret-uploaded"),
        nil,
        .init(from: .uploaded, to: .restoring, event: "restore-started"),
        .init(from: .restoring, to: .restored, event: "restore-finished"),
        .init(from: .restored, to: .licensed, event: "license-installed"),
        .init(from: .licensed, to: .settingsCopied, event: "settings-copied"),
        .init(from: .settingsCopied, to: .live, event: "sources-enabled"),
      ])
  }

  @Test("inconsistent restore: enabling refused until the credentials are re-entered")
  func inconsistentRestore() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    for event in WorkflowFixture.newInconsistent { w.apply(event) }
    #expect(w.state == .restoredInconsistent)
    let refusal = w.decide(.enableSources(force: false)).refusal
    #expect(refusal?.unblock == WorkflowCommand.reenterCredentials)
    #expect(refusal?.message.contains("--force") == true)
    #expect(w.nextStep()?.command == WorkflowCommand.reenterCredentials)
    let transition = Self.step(&w, .credentialsReenter, .credentialsReentered)
    #expect(
      transition
        == .init(from: .restoredInconsistent, to: .restored, event: "credentials-reentered"))
    #expect(w.decide(.enableSources(force: false)).warning != nil)
  }

  @Test(
    "inconsistent restore: --force enables anyway, with a warning about the unreadable credentials")
  func inconsistentForced() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    for event in WorkflowFixture.newInconsistent { w.apply(event) }
    let warning = w.decide(.enableSources(force: true)).warning ?? ""
    #expect(warning.contains("unreadable"))
    #expect(warning.contains("old appliance"))
    Self.step(&w, .enableSources(force: true), .sourcesEnabled)
    #expect(w.state == .live)
  }

  @Test("services restarting block a restore until they are ready")
  func servicesRestarting() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    w.apply(.backupUploaded(sourcesLive: true))
    w.apply(.secretUploaded)
    let refusal = w.decide(.restore).refusal
    #expect(
      refusal?.message
        == "refused in state 'uploaded': services are restarting after the Master Secret upload;"
        + " wait until they run; next: show services")
    #expect(w.nextStep()?.command == WorkflowCommand.showServices)
    #expect(w.apply(.servicesReady) == nil)
    #expect(w.decide(.restore) == .allow)
  }

  @Test("a failed restore leaves the instance where it was")
  func restoreFailed() {
    var (w, _) = Self.newUpToRestore(secretFirst: true)
    w.apply(.licenseInstalled)
    Self.step(&w, .restore, .restoreStarted)
    #expect(
      w.apply(.restoreFailed) == .init(from: .restoring, to: .licensed, event: "restore-failed"))
  }

  @Test("restoring again resets what followed the earlier restore")
  func reRestore() {
    var (w, _) = Self.newUpToRestore(secretFirst: true)
    _ = Self.newFinish(&w)
    #expect(w.decide(.restore).refusal?.unblock == WorkflowCommand.disableSources)
    Self.step(&w, .disableSources, .sourcesDisabled(all: true))
    #expect(w.state == .settingsCopied)
    #expect(w.decide(.restore).warning != nil)
    Self.step(&w, .restore, .restoreStarted)
    w.apply(.restoreFinished(consistent: true))
    #expect(w.state == .restored)
    #expect(!w.licensesInstalled && !w.settingsCopied && !w.sourcesEnabled)
  }

  static let everyAction: [WorkflowAction] = [
    .show, .help, .disableSources, .enableSources(force: false), .enableSources(force: true),
    .credentialsReenter, .backupCreate(force: false, sourcesEnabled: false),
    .backupCreate(force: false, sourcesEnabled: true),
    .backupCreate(force: true, sourcesEnabled: false),
    .backupCreate(force: true, sourcesEnabled: true), .backupUpload, .backupDelete, .secretExport,
    .secretUpload, .restore, .licenseValidate, .licenseEdit, .settingsExport, .settingsCopy,
    .settingsEdit, .decommission, .instanceAdmin, .other,
  ]

  @Test("while restoring, everything but show and help is refused")
  func restoringRefuses() {
    let w = WorkflowFixture.named("new restoring").workflow
    for action in Self.everyAction {
      let decision = w.decide(action)
      if action == .show || action == .help {
        #expect(decision == .allow)
      } else {
        #expect(decision.refusal?.state == .restoring, "\(action)")
        #expect(decision.refusal?.unblock == WorkflowCommand.restoreStatus, "\(action)")
      }
    }
  }

  @Test("a decommissioned appliance allows only show, help and backup create")
  func decommissionedRefuses() {
    let w = WorkflowFixture.named("old decommissioned").workflow
    for action in Self.everyAction {
      let decision = w.decide(action)
      switch action {
      case .show, .help, .backupCreate(_, sourcesEnabled: false): #expect(decision == .allow)
      case .backupCreate(force: true, sourcesEnabled: true): #expect(decision.warning != nil)
      case .backupCreate(force: false, sourcesEnabled: true):
        #expect(decision.refusal?.unblock == WorkflowCommand.disableSources)
      default:
        #expect(decision.refusal?.state == .decommissioned, "\(action)")
        #expect(decision.refusal?.reason.contains("show, help and backup create") == true)
      }
    }
  }
}
