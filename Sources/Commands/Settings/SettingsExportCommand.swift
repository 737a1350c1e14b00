import Appliance
import ArgumentParser
import Foundation

/// `settings export --output FILE`: the old appliance's console settings as a file to carry to the new one.
public struct SettingsExportCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write this 4.x appliance's console settings to a versioned JSON file.",
    discussion: """
      The file is JSON: {"format": "trsh-settings", "version": 1, "source": {"host", \
      "appliance_version", "instance_id", "exported_at"}, "sections": {"Setup/DNS": {"servers": \
      "..."}, ...}}. Keys are sorted, so two exports of the same settings are identical. \
      Secrets (LDAP bind password, cluster shared key, SNMP community) are NEVER written: each \
      appears as {"must_reenter": true, "reason": "..."}, and 'settings copy --from FILE' lists \
      it as needing re-entry ('settings set PATH'). Use 'settings copy --from-instance DIR' to \
      carry secrets across, re-encrypted under the new appliance's Master Secret.
      """
  ).inShell

  @Option(
    name: [.customShort("o"), .customLong("output")], help: "The file to write.",
    completion: .file(extensions: ["json"]))
  var outputFile: String

  @Flag(help: "Replace the file if it exists.")
  var force = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .settingsExport }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let url = URL(fileURLWithPath: outputFile)
    let file = try context.instance().exportSettings(to: url, force: force)
    let fields = file.sections.values.map(\.count).reduce(0, +)
    let secrets = file.sections.values.flatMap(\.values).filter {
      if case .mustReenter = $0 { return true }
      return false
    }.count
    let summary = SettingsExportSummary(
      path: url.path, sections: file.sections.count, fields: fields, secretsLeftOut: secrets)
    var text = "exported \(fields) settings in \(file.sections.count) sections to \(url.path)"
    if secrets > 0 {
      text += "\n\(secrets) secret values are not in the file: re-enter them on the new appliance"
    }
    return Rendered(summary, text: text)
  }
}

/// What `settings export` wrote.
struct SettingsExportSummary: Codable {
  var path: String
  var sections: Int
  var fields: Int
  var secretsLeftOut: Int

  enum CodingKeys: String, CodingKey {
    case path, sections, fields
    case secretsLeftOut = "secrets_left_out"
  }
}
