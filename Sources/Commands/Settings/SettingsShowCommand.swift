import Appliance
import ArgumentParser

/// `settings show [SECTION]`: the console settings in this instance's own layout.
public struct SettingsShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the console settings (4.x Setup/... or 5.x layout); secrets only as set.",
    discussion:
      "SECTION may be a section (Setup/LDAP) or a prefix of one (Configurations/Security)."
  ).inShell

  @Argument(
    help: "The section, or section prefix, to show.", completion: .provider("settings-sections"))
  var section: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let entries = try context.instance().settingEntries(under: section)
    let table = Table(
      columns: ["Path", "Value"], rows: entries.map { [$0.path, $0.shownValue] },
      emptyText: "no settings")
    return Rendered(entries, text: table.text)
  }
}
