/// The trsh command lines the workflow names in refusals and plan steps.
///
/// Kept in one place so that a renamed command or option is fixed once, and so tests can
/// refer to the same spelling the shell documents.
public enum WorkflowCommand {
  public static let disableSources = "alert-source disable --all"
  public static let enableSources = "alert-source enable --all"
  public static let enableSourcesForce = "alert-source enable --all --force"
  public static let reenterCredentials = "alert-source credentials NAME"
  public static let backupCreate = "backup create"
  public static let backupUpload = "backup upload FILE"
  public static let secretExport = "secret export --output FILE"
  public static let secretUpload = "secret upload FILE"
  public static let showServices = "show services"
  public static let showStatus = "show status"
  public static let restore = "restore --validate-encryption"
  public static let restoreStatus = "restore status"
  public static let licenseValidate = "license validate"
  public static let settingsCopy = "settings copy"
  public static let decommission = "instance decommission"
  /// Suffix for a command that belongs on the other appliance of the pair.
  public static let onNewAppliance = " on the new appliance"
  public static let onOldAppliance = " on the old appliance"
}
