import Appliance
import ArgumentParser
import Foundation

/// `settings ...`: show, map, export and copy the console settings, and edit one by hand.
public struct SettingsCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "settings",
    abstract: "Show, export and copy the console settings from the 4.x layout to 5.x.",
    discussion: """
      Upgrade step 8: the old appliance's console settings (Setup/...) are copied into the new \
      5.x layout (Configurations/..., Monitoring/..., Maintenance/...) following the mapping \
      table ('settings map'). The Default Gateway of the new Routing page is never written.
      """,
    subcommands: [
      SettingsShowCommand.self, SettingsMapCommand.self, SettingsExportCommand.self,
      SettingsCopyCommand.self, SettingsSetCommand.self, SettingsUnsetCommand.self,
    ])

  public init() {}

  /// Registers the completion of setting paths and section names.
  static let registerProviders: Void = {
    ValueProviders.shared.register("setting-paths") { where_ in
      var paths = Set<String>()
      if let instance = try? Instance.open(at: where_.instancePath, createIfMissing: false),
        let entries = try? instance.settingEntries()
      {
        paths.formUnion(entries.map(\.path))
      }
      for (section, specs) in SettingsMapping.currentFields {
        for spec in specs where !spec.key.contains("*") { paths.insert("\(section)/\(spec.key)") }
      }
      return paths.sorted()
    }
    ValueProviders.shared.register("settings-sections") { where_ in
      var sections = Set(SettingsTree.legacySections + SettingsTree.currentSections)
      if let instance = try? Instance.open(at: where_.instancePath, createIfMissing: false),
        let entries = try? instance.settingEntries()
      {
        sections.formUnion(entries.map(\.section))
      }
      return sections.sorted()
    }
  }()
}
