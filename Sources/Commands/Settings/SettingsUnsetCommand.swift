import Appliance
import ArgumentParser

/// `settings unset PATH`: removes one console setting.
public struct SettingsUnsetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "unset",
    abstract: "Remove one console setting (never the Default Gateway)."
  ).inShell

  @Argument(help: "SECTION/KEY of the setting.", completion: .provider("setting-paths"))
  var path: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .settingsEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let edit = try context.instance().unsetSetting(SettingPath(parsing: path))
    return Rendered(edit, text: "\(edit.path): \(edit.before ?? "(unset)") -> (unset)")
  }
}
