import Appliance
import ArgumentParser

/// `settings map`: the 4.x → 5.x mapping table, field by field.
public struct SettingsMapCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "map",
    abstract:
      "Print the settings mapping table: where every old field goes, or why it has no place."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    var rows: [[String]] = []
    for section in SettingsMapping.sections {
      for field in section.fields {
        let old = "\(section.old)/\(field.oldKey)"
        switch field.destination {
        case .field(let key):
          let rule = SettingsMapping.currentSpec(for: SettingPath(section.new, key))
          let note = rule.map { $0.sensitive ? "secret, re-encrypted" : $0.rule.summary } ?? ""
          rows.append([old, "\(section.new)/\(key)", note])
        case .leftAlone(let key, let reason):
          rows.append([old, "\(section.new)/\(key)", "NEVER WRITTEN: \(reason)"])
        case .omitted(let reason):
          rows.append([old, "-", "no place in 5.x: \(reason)"])
        }
      }
    }
    return Table(columns: ["Old", "New", "Note"], rows: rows)
  }
}
