import Foundation

/// The settings export file: a legacy appliance's console settings as documented, versioned JSON.
///
/// Format (version 1), keys sorted, two-space indentation:
///
///     {
///       "format": "trsh-settings",
///       "version": 1,
///       "source": {"host": "oldbox", "appliance_version": "4.6.2",
///                  "instance_id": "…", "exported_at": "2026-11-30T04:00:00Z"},
///       "sections": {
///         "Setup/DNS": {"hostname": "oldbox", "servers": "10.0.0.53,10.0.1.53"},
///         "Setup/LDAP": {"bind_password": {"must_reenter": true,
///                        "reason": "secret values are never written to export files"}, …},
///         …
///       }
///     }
///
/// A value is a string, or — for a sensitive field (LDAP bind password, cluster shared key,
/// SNMP community) — an object `{"must_reenter": true, "reason": …}`: secrets are never written
/// to an export file, so `settings copy --from FILE` lists them as needing re-entry.
/// Readers refuse another `format` and any `version` above the one they know.
public struct SettingsExportFile: Codable, Sendable, Equatable {
  public static let formatName = "trsh-settings"
  public static let currentVersion = 1
  static let secretReason = "secret values are never written to export files"

  /// The appliance the settings were exported from.
  public struct Source: Codable, Sendable, Equatable {
    public var host: String
    public var applianceVersion: String
    public var instanceId: String
    public var exportedAt: String

    enum CodingKeys: String, CodingKey {
      case host
      case applianceVersion = "appliance_version"
      case instanceId = "instance_id"
      case exportedAt = "exported_at"
    }
  }

  /// One exported value: text, or the marker of a secret left out.
  public enum Value: Codable, Sendable, Equatable {
    case text(String)
    case mustReenter(reason: String)

    enum CodingKeys: String, CodingKey {
      case mustReenter = "must_reenter"
      case reason
    }

    public init(from decoder: any Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        self = .text(text)
        return
      }
      let c = try decoder.container(keyedBy: CodingKeys.self)
      guard try c.decode(Bool.self, forKey: .mustReenter) else {
        throw DecodingError.dataCorruptedError(
          forKey: .mustReenter, in: c, debugDescription: "must_reenter must be true")
      }
      self = .mustReenter(reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "")
    }

    public func encode(to encoder: any Encoder) throws {
      switch self {
      case .text(let text):
        var c = encoder.singleValueContainer()
        try c.encode(text)
      case .mustReenter(let reason):
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(true, forKey: .mustReenter)
        try c.encode(reason, forKey: .reason)
      }
    }
  }

  public var format: String
  public var version: Int
  public var source: Source
  public var sections: [String: [String: Value]]

  /// The export of stored legacy rows: sealed values become must-reenter markers, never ciphertext.
  public init(source: Source, rows: [Setting]) {
    format = Self.formatName
    version = Self.currentVersion
    self.source = source
    var sections: [String: [String: Value]] = [:]
    for row in rows {
      let sensitive =
        row.isEncrypted || SettingsMapping.isLegacySensitive(SettingPath(row.section, row.key))
      sections[row.section, default: [:]][row.key] =
        sensitive ? .mustReenter(reason: Self.secretReason) : .text(row.value ?? "")
    }
    self.sections = sections
  }

  /// The JSON text, keys sorted so that two exports of the same settings are identical.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads and checks an export file.
  public static func read(from url: URL, cancel: (any Cancellation)? = nil) throws
    -> SettingsExportFile
  {
    let data = try InputFile.read(url.path, what: "the settings file", cancel: cancel)
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
      throw ApplianceError.validation("\(url.path) is not JSON: not a trsh settings export")
    }
    guard header.format == formatName else {
      throw ApplianceError.validation(
        "\(url.path) is not a trsh settings export (format is not '\(formatName)')")
    }
    guard let version = header.version, (1...currentVersion).contains(version) else {
      throw ApplianceError.validation(
        "\(url.path) is settings export version \(header.version.map(String.init) ?? "?");"
          + " this trsh reads version \(currentVersion)")
    }
    do {
      return try JSONDecoder().decode(SettingsExportFile.self, from: data)
    } catch {
      throw ApplianceError.validation("\(url.path) is a damaged settings export: \(error)")
    }
  }

  /// The settings to copy: secrets left out of the file must be re-entered.
  public func legacySettings(origin: String) -> LegacySettings {
    LegacySettings(
      origin: origin,
      sections: sections.mapValues { fields in
        fields.mapValues { value in
          switch value {
          case .text(let text): .plain(text)
          case .mustReenter(let reason):
            .mustReenter(reason: reason.isEmpty ? Self.secretReason : reason)
          }
        }
      })
  }
}
