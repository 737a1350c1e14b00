extension WorkflowTable {
  /// Why a row refuses; the command layer words it (`WorkflowTable.Reason.text`).
  public enum Reason: String, Sendable, Codable, Equatable, CaseIterable {
    case restoreInProgress
    case decommissioned
    case sourcesWouldPollTwice
    case enablingAbandonsUpgrade
    case uploadIntoOldAppliance
    case settingsCopyOnOld
    case decommissionNeedsBackup
    case decommissionOnNew
    case sourcesBeforeRestore
    case unreadableFields
    case licencesBeforeRestore
    case settingsBeforeRestore
    case restoreWhileLive
    case restoreNeedsUploads
    case restoreNeedsSecret
    case restoreNeedsBackup
    case servicesRestarting
  }
}
