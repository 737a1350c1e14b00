import Appliance
import ArgumentParser
import Foundation

/// `settings set PATH [VALUE]`: one manual change, checked before it is written.
public struct SettingsSetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Set one console setting (value checked: addresses, ports, host names, choices).",
    discussion: """
      PATH is SECTION/KEY, e.g. 'Configurations/Networking/DNS/servers'. A secret (LDAP \
      bind_password, shared_key, community) is never given on the command line: leave VALUE \
      out to be asked without echo, or use --value-file FILE. The Default Gateway of \
      Configurations/Networking/Routing is never changed by trsh.
      """
  ).inShell

  @Argument(help: "SECTION/KEY of the setting.", completion: .provider("setting-paths"))
  var path: String

  @Argument(help: "The new value (not for secrets).")
  var value: String?

  @Option(help: "Read the value from this file (for secrets).", completion: .file())
  var valueFile: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    if value != nil && valueFile != nil {
      throw ValidationError("give VALUE or --value-file, not both")
    }
  }

  public var workflowAction: WorkflowAction { .settingsEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let path = try SettingPath(parsing: self.path)
    let sensitive = try instance.isSensitiveSetting(path)
    let newValue: String
    if let value {
      if sensitive {
        throw ApplianceError.usage(
          "\(path) is a secret and must not be typed on the command line (it shows in the"
            + " process list and the terminal; trsh did not keep it): leave the value out to be"
            + " asked, or use --value-file FILE")
      }
      newValue = value
    } else if let valueFile {
      let data = try InputFile.read(
        valueFile, what: "the value file", cancel: context.cancellation)
      guard let text = String(data: data, encoding: .utf8) else {
        throw ApplianceError.failed("\(valueFile) is not UTF-8 text")
      }
      newValue = text.hasSuffix("\n") ? String(text.dropLast()) : text
    } else if sensitive {
      newValue = try context.interaction.readSecret("New value for \(path): ")
    } else {
      throw ValidationError("give the new value of \(path)")
    }
    let edit = try instance.setSetting(path, to: newValue)
    // A secret typed anew may be the last field a restore left unreadable.
    let outcome: WorkflowOutcome =
      sensitive
      ? .secretReentered(nothingUnreadable: try instance.unreadableFields().isEmpty) : .done
    return Rendered(
      edit, text: "\(edit.path): \(edit.before ?? "(unset)") -> \(edit.after ?? "")",
      outcome: outcome)
  }
}
