@testable import Appliance

/// A workflow brought to one state by a realistic sequence of events, named for test output.
struct WorkflowFixture: Sendable, CustomStringConvertible {
  let name: String
  let expected: WorkflowState
  let workflow: Workflow

  var description: String { name }

  init(
    _ name: String, _ expected: WorkflowState, _ role: WorkflowRole, sourcesEnabled: Bool,
    _ events: [WorkflowEvent]
  ) {
    self.name = name
    self.expected = expected
    var workflow = Workflow.initial(role: role, sourcesEnabled: sourcesEnabled)
    for event in events { workflow.apply(event) }
    self.workflow = workflow
  }

  // Event sequences shared by several fixtures (the path so far on each side).
  static let oldBackedUp: [WorkflowEvent] = [
    .sourcesDisabled(all: true), .backupCreated(sourcesLive: false), .secretExported,
  ]
  static let newUploaded: [WorkflowEvent] = [
    .secretUploaded, .servicesReady, .backupUploaded(sourcesLive: false),
  ]
  static let newRestored = newUploaded + [.restoreStarted, .restoreFinished(consistent: true)]
  static let newInconsistent =
    newUploaded + [.restoreStarted, .restoreFinished(consistent: false)]

  /// One fixture per reachable (role, state), plus variants whose facts change decisions.
  static let all: [WorkflowFixture] = [
    .init("old live", .live, .old, sourcesEnabled: true, []),
    .init(
      "old live, secret exported, forced backup", .live, .old, sourcesEnabled: true,
      [.secretExported, .backupCreated(sourcesLive: true)]),
    .init(
      "old sources-disabled", .sourcesDisabled, .old, sourcesEnabled: true,
      [.sourcesDisabled(all: true)]),
    .init(
      "old sources-disabled, backup made", .sourcesDisabled, .old, sourcesEnabled: true,
      [.sourcesDisabled(all: true), .backupCreated(sourcesLive: false)]),
    .init("old backed-up", .backedUp, .old, sourcesEnabled: true, oldBackedUp),
    .init(
      "old decommissioned", .decommissioned, .old, sourcesEnabled: true,
      oldBackedUp + [.decommissioned]),
    .init("new fresh", .fresh, .new, sourcesEnabled: false, []),
    .init(
      "new secret-uploaded, restarting", .secretUploaded, .new, sourcesEnabled: false,
      [.secretUploaded]),
    .init(
      "new secret-uploaded, ready", .secretUploaded, .new, sourcesEnabled: false,
      [.secretUploaded, .servicesReady]),
    .init(
      "new backup-uploaded", .backupUploaded, .new, sourcesEnabled: false,
      [.backupUploaded(sourcesLive: false)]),
    .init(
      "new uploaded, restarting", .uploaded, .new, sourcesEnabled: false,
      [.backupUploaded(sourcesLive: false), .secretUploaded]),
    .init("new uploaded, ready", .uploaded, .new, sourcesEnabled: false, newUploaded),
    .init(
      "new restoring", .restoring, .new, sourcesEnabled: false, newUploaded + [.restoreStarted]),
    .init("new restored", .restored, .new, sourcesEnabled: false, newRestored),
    .init(
      "new restored-inconsistent", .restoredInconsistent, .new, sourcesEnabled: false,
      newInconsistent),
    .init(
      "new licensed", .licensed, .new, sourcesEnabled: false, newRestored + [.licenseInstalled]),
    .init(
      "new licensed, inconsistent", .licensed, .new, sourcesEnabled: false,
      newInconsistent + [.licenseInstalled]),
    .init(
      "new settings-copied", .settingsCopied, .new, sourcesEnabled: false,
      newRestored + [.licenseInstalled, .settingsCopied]),
    .init(
      "new live", .live, .new, sourcesEnabled: false,
      newRestored + [.licenseInstalled, .settingsCopied, .sourcesEnabled]),
  ]

  static func named(_ name: String) -> WorkflowFixture {
    guard let fixture = all.first(where: { $0.name == name }) else {
      fatalError("no fixture named \(name)")
    }
    return fixture
  }
}
