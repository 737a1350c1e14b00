import Appliance

extension WorkflowStep {
  /// The trsh command line that takes this step, as plan steps and refusals show it.
  ///
  /// The one place these spellings live: a renamed command or option is fixed here, and tests
  /// refer to the same spelling the shell documents.
  public var commandLine: String {
    switch self {
    case .disableSources: "alert-source disable --all"
    case .enableSources: "alert-source enable --all"
    case .enableSourcesForce: "alert-source enable --all --force"
    case .reenterCredentials: "alert-source credentials NAME"
    case .backupCreate: "backup create"
    case .backupUpload: "backup upload FILE"
    case .secretExport: "secret export --output FILE"
    case .secretUpload: "secret upload FILE"
    case .showServices: "show services"
    case .showStatus: "show status"
    case .restore: "restore --validate-encryption"
    case .restoreStatus: "restore status"
    case .licenseValidate: "license validate"
    case .settingsCopy: "settings copy"
    case .decommission: "instance decommission"
    case .sameCommand: "run it"
    }
  }
}
