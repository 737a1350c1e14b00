/// A step the workflow names in its plan and refusals; the command layer spells it as a trsh command.
public enum WorkflowStep: String, Sendable, Codable, Equatable, CaseIterable {
  case disableSources
  case enableSources
  /// Enabling sources against the workflow's advice (abandons an upgrade backup).
  case enableSourcesForce
  case reenterCredentials
  case backupCreate
  case backupUpload
  case secretExport
  case secretUpload
  case showServices
  case showStatus
  /// A restore with encryption validation on.
  case restore
  case restoreStatus
  case licenseValidate
  case settingsCopy
  case decommission
  /// The refused command itself, run on the other appliance.
  case sameCommand
}
