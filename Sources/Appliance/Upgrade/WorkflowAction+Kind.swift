extension WorkflowAction {
  /// An action without its arguments: the workflow table's rows are per kind.
  public enum Kind: String, Sendable, CaseIterable {
    case show, help, disableSources, enableSources, credentialsReenter, backupCreate
    case backupUpload, backupDelete, secretExport, secretUpload, restore, licenseValidate
    case licenseEdit, settingsExport, settingsCopy, settingsEdit, decommission, instanceAdmin
    case other
  }

  /// This action's kind.
  public var kind: Kind {
    switch self {
    case .show: .show
    case .help: .help
    case .disableSources: .disableSources
    case .enableSources: .enableSources
    case .credentialsReenter: .credentialsReenter
    case .backupCreate: .backupCreate
    case .backupUpload: .backupUpload
    case .backupDelete: .backupDelete
    case .secretExport: .secretExport
    case .secretUpload: .secretUpload
    case .restore: .restore
    case .licenseValidate: .licenseValidate
    case .licenseEdit: .licenseEdit
    case .settingsExport: .settingsExport
    case .settingsCopy: .settingsCopy
    case .settingsEdit: .settingsEdit
    case .decommission: .decommission
    case .instanceAdmin: .instanceAdmin
    case .other: .other
    }
  }

  /// The action's `--force`, for the actions that take one.
  var isForced: Bool {
    switch self {
    case .enableSources(let force), .backupCreate(let force, _): force
    default: false
    }
  }
}
