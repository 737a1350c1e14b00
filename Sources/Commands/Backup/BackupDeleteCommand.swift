import Appliance
import ArgumentParser

/// `backup delete FILE`: removes a backup made or uploaded here (asks first).
public struct BackupDeleteCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Delete a backup made or uploaded here."
  ).inShell

  @Argument(
    help: "The backup file (a name in uploads/ or backups/, or a path).",
    completion: .provider("backup-files"))
  var file: String

  @OptionGroup public var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  public init() {}

  public var workflowAction: WorkflowAction { .backupDelete }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let url = try instance.backupFile(named: file)
    try context.confirm("Delete the backup \(url.path)?", yes: confirm.yes)
    try instance.deleteBackup(url)
    return Message("deleted \(url.path)")
  }
}
