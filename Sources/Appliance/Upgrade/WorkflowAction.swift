/// What a command is about to do; the shell asks `Workflow.decide(_:)` before acting.
///
/// Mapping of trsh commands (a command not listed is `other`):
/// * `show` — anything that only reads and displays: `show ...`, `upgrade status|plan|next`
///   (without `--run`), `... list`, `... show`, `backup verify`, `restore status`,
///   `restore --dry-run`, `instance info`, `secret show`, `settings map`.
/// * `help` — `help`, `?`, `find`, `history`, `exit`/`quit`: shell builtins that touch no instance.
/// * `disableSources` — `alert-source disable NAME|--all`.
/// * `enableSources(force:)` — `alert-source enable NAME|--all [--force]`.
/// * `credentialsReenter` — re-entering a secret field: alert-source credentials, LDAP bind
///   password, proxy password.
/// * `backupCreate(force:sourcesEnabled:)` — `backup create`; `sourcesEnabled` is what the
///   command sees in the store at that moment (the facts may be older).
/// * `backupUpload` — `backup upload FILE`; `backupDelete` — `backup delete`.
/// * `secretExport` — `secret export`; `secretUpload` — `secret upload FILE`.
/// * `restore` — `restore` (with or without encryption validation; not `--dry-run`).
/// * `licenseValidate` — `license validate` (moves keys to Installed);
///   `licenseEdit` — `license add|remove`, `license proxy set|clear`, `overcast url|ca set`.
/// * `settingsExport` — `settings export`; `settingsCopy` — `settings copy` (not `--dry-run`,
///   which is `show`); `settingsEdit` — `settings set|unset`.
/// * `decommission` — `instance decommission`.
/// * `instanceAdmin` — any other command that changes this instance (users, host name, ...).
/// * `other` — commands that do not change this instance: `ping overcast`, `echo`,
///   `instance create` of another directory.
public enum WorkflowAction: Sendable, Codable, Equatable, Hashable {
  case show
  case help
  case disableSources
  case enableSources(force: Bool)
  case credentialsReenter
  case backupCreate(force: Bool, sourcesEnabled: Bool)
  case backupUpload
  case backupDelete
  case secretExport
  case secretUpload
  case restore
  case licenseValidate
  case licenseEdit
  case settingsExport
  case settingsCopy
  case settingsEdit
  case decommission
  case instanceAdmin
  case other
}
