import Foundation

/// A setting's full path: its section (`Configurations/Networking/DNS`) and key (`servers`).
///
/// Written as one string, the key is the last `/` component: `Configurations/Networking/DNS/servers`.
public struct SettingPath: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public var section: String
  public var key: String

  public init(_ section: String, _ key: String) {
    self.section = section
    self.key = key
  }

  /// Parses `SECTION/KEY`; a path without a section is a usage error.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex,
      trimmed.index(after: slash) != trimmed.endIndex
    else {
      throw ApplianceError.usage(
        "'\(text)' is not a setting path: write SECTION/KEY, e.g. Configurations/Networking/DNS/servers"
      )
    }
    section = String(trimmed[..<slash])
    key = String(trimmed[trimmed.index(after: slash)...])
  }

  public var description: String { "\(section)/\(key)" }

  public static func < (a: SettingPath, b: SettingPath) -> Bool {
    (a.section, a.key) < (b.section, b.key)
  }

  /// The 5.x default gateway, which settings copy, set and unset never write.
  public static let defaultGateway = SettingPath(
    SettingsTree.currentDefaultGateway.0, SettingsTree.currentDefaultGateway.1)
}
