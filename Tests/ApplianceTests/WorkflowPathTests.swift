import TestSupport
import Testing

@testable import Appliance

/// Whole upgrades, step by step through the workflow table: each command is asked first, then
/// the event the table gives its outcome is applied.
@Suite("Workflow paths", .engines)
struct WorkflowPathTests {
  /// What the gate does for one command: ask, then record. Returns the transition, if any.
  @discardableResult
  static func step(
    _ workflow: inout Workflow, _ action: WorkflowAction, _ outcome: WorkflowOutcome = .done,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Workflow.Transition? {
    let decision = workflow.decide(action)
    #expect(
      decision.isAllowed, "\(action) in \(workflow.state): \(decision)",
      sourceLocation: sourceLocation)
    return record(&workflow, action, outcome)
  }

  /// What the gate's recorder does when an operation reports a stage (or the gate a success).
  @discardableResult
  static func record(
    _ workflow: inout Workflow, _ action: WorkflowAction, _ outcome: WorkflowOutcome
  ) -> Workflow.Transition? {
    guard let event = WorkflowTable.event(for: action, outcome: outcome, in: workflow) else {
      return nil
    }
    return workflow.apply(event)
  }

  @Test("old appliance: disable sources, back up, export secret, decommission")
  func oldPath() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(w.state == .live)
    var transitions: [Workflow.Transition?] = []
    transitions.append(Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: true)))
    transitions.append(
      Self.step(
        &w, .backupCreate(force: false, sourcesEnabled: false), .backupWritten(sourcesLive: false)))
    transitions.append(Self.step(&w, .secretExport))
    #expect(w.decide(.decommission).warning != nil)
    transitions.append(Self.step(&w, .decommission))
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
    #expect(Self.step(&w, .secretExport) == nil)
    #expect(w.state == .live)
    Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: true))
    let last = Self.step(
      &w, .backupCreate(force: false, sourcesEnabled: false), .backupWritten(sourcesLive: false))
    #expect(last == .init(from: .sourcesDisabled, to: .backedUp, event: "backup-created"))
  }

  @Test("old appliance: a forced backup with sources live does not count")
  func oldForcedBackup() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    Self.step(&w, .secretExport)
    #expect(w.decide(.backupCreate(force: false, sourcesEnabled: true)).refusal != nil)
    Self.step(
      &w, .backupCreate(force: true, sourcesEnabled: true), .backupWritten(sourcesLive: true))
    #expect(w.forcedBackupCreated)
    Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: true))
    #expect(w.state == .sourcesDisabled)
    #expect(w.decide(.decommission).refusal?.next == .backupCreate)
  }

  @Test("old appliance: disabling only some sources keeps it live")
  func oldPartialDisable() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    #expect(Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: false)) == nil)
    #expect(w.state == .live)
  }

  @Test("old appliance: sources re-enabled after the backup make it stale")
  func oldStaleBackup() {
    var w = Workflow.initial(role: .old, sourcesEnabled: true)
    for event in WorkflowFixture.oldBackedUp { w.apply(event) }
    #expect(w.state == .backedUp)
    #expect(
      w.decide(.enableSources(force: false)).refusal?.next == .enableSourcesForce)
    Self.step(&w, .enableSources(force: true))
    #expect(w.state == .live)
    Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: true))
    #expect(w.state == .sourcesDisabled)
    #expect(w.nextStep()?.step == .backupCreate)
  }

  /// The new side up to and including a validated restore, in the given upload order.
  static func newUpToRestore(secretFirst: Bool) -> (Workflow, [Workflow.Transition?]) {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    var transitions: [Workflow.Transition?] = []
    if secretFirst {
      transitions.append(step(&w, .secretUpload))
      transitions.append(step(&w, .backupUpload, .backupUploaded(sourcesLive: false)))
    } else {
      transitions.append(step(&w, .backupUpload, .backupUploaded(sourcesLive: false)))
      transitions.append(step(&w, .secretUpload))
    }
    #expect(w.state == .uploaded)
    #expect(w.servicesRestarting)
    #expect(w.decide(.restore).refusal?.next == .showServices)
    transitions.append(w.apply(.servicesReady))
    transitions.append(step(&w, .restore, .restoreStarted))
    transitions.append(Self.record(&w, .restore, .restoreFinished(consistent: true)))
    return (w, transitions)
  }

  /// The new side from `restored` to `live`.
  static func newFinish(_ w: inout Workflow) -> [Workflow.Transition?] {
    [
      step(&w, .licenseValidate, .licensesValidated(anyInstalled: true)),
      step(&w, .settingsCopy),
      step(&w, .enableSources(force: false)),
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
    #expect(refusal?.next == .reenterCredentials)
    #expect(refusal?.reason == .unreadableFields)
    #expect(w.nextStep()?.step == .reenterCredentials)
    let transition = Self.step(&w, .credentialsReenter, .secretReentered(nothingUnreadable: true))
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
    #expect(w.decide(.enableSources(force: true)).warning == .unreadableAndOldAppliancePolls)
    Self.step(&w, .enableSources(force: true))
    #expect(w.state == .live)
  }

  @Test("services restarting block a restore until they are ready")
  func servicesRestarting() {
    var w = Workflow.initial(role: .new, sourcesEnabled: false)
    w.apply(.backupUploaded(sourcesLive: true))
    w.apply(.secretUploaded)
    let refusal = w.decide(.restore).refusal
    #expect(refusal?.state == .uploaded)
    #expect(refusal?.reason == .servicesRestarting)
    #expect(refusal?.next == .showServices && refusal?.nextOn == nil)
    #expect(w.nextStep()?.step == .showServices)
    #expect(w.apply(.servicesReady) == nil)
    #expect(w.decide(.restore) == .allow)
  }

  @Test("a failed restore leaves the instance where it was")
  func restoreFailed() {
    var (w, _) = Self.newUpToRestore(secretFirst: true)
    w.apply(.licenseInstalled)
    Self.step(&w, .restore, .restoreStarted)
    #expect(
      Self.record(&w, .restore, .restoreFailed)
        == .init(from: .restoring, to: .licensed, event: "restore-failed"))
  }

  @Test("restoring again resets what followed the earlier restore")
  func reRestore() {
    var (w, _) = Self.newUpToRestore(secretFirst: true)
    _ = Self.newFinish(&w)
    #expect(w.decide(.restore).refusal?.next == .disableSources)
    Self.step(&w, .disableSources, .sourcesDisabled(noneLeft: true))
    #expect(w.state == .settingsCopied)
    #expect(w.decide(.restore).warning != nil)
    Self.step(&w, .restore, .restoreStarted)
    Self.record(&w, .restore, .restoreFinished(consistent: true))
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
        #expect(decision.refusal?.next == .restoreStatus, "\(action)")
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
        #expect(decision.refusal?.next == .disableSources)
      default:
        #expect(decision.refusal?.state == .decommissioned, "\(action)")
        #expect(decision.refusal?.reason == .decommissioned)
      }
    }
  }
}
