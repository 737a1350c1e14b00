import Foundation

/// A set of 4.x (`Setup/...`) settings to copy, with sensitive values already opened.
///
/// Where they came from decides what a sensitive value can be: a legacy instance's own secret
/// opens its sealed values; an export file never carries them.
public struct LegacySettings: Sendable, Equatable {
  /// One old value.
  public enum Value: Sendable, Equatable {
    case plain(String)
    /// A sensitive value, opened; re-sealed under the destination's secret on copy.
    case secret(String)
    /// A sensitive value that cannot be carried over and must be typed again; the reason says why.
    case mustReenter(reason: String)
  }

  /// Where the settings came from, e.g. `instance /srv/old (host oldbox, 4.6.2)`.
  public var origin: String
  /// Values by section, then key.
  public var sections: [String: [String: Value]]

  public init(origin: String, sections: [String: [String: Value]]) {
    self.origin = origin
    self.sections = sections
  }

  /// The value at a path, if present.
  public func value(_ section: String, _ key: String) -> Value? { sections[section]?[key] }

  /// Builds the set from stored rows, opening sealed ones with `secret` (the rows' own secret).
  public init(origin: String, rows: [Setting], secret: MasterSecret?, secretName: String) {
    var sections: [String: [String: Value]] = [:]
    for row in rows {
      let value: Value
      if let sealed = row.sealedValue {
        switch secret?.decrypt(sealed) {
        case .plain(let text)?: value = .secret(text)
        case .unreadable?, nil:
          value = .mustReenter(reason: "it does not open with \(secretName)")
        }
      } else {
        value = .plain(row.value ?? "")
      }
      sections[row.section, default: [:]][row.key] = value
    }
    self.init(origin: origin, sections: sections)
  }

  /// The settings of a legacy 4.x instance directory, opened with that instance's Master Secret.
  public static func load(fromInstance directory: URL) throws -> LegacySettings {
    let source = try Instance.open(at: directory, createIfMissing: false)
    let store = try source.store()
    guard store.generation == .legacy else {
      throw ApplianceError.usage(
        "\(directory.path) is a 5.x instance: --from-instance takes a legacy 4.x instance")
    }
    let meta = try store.meta()
    // Without its secret the plain settings still copy; sealed ones are reported for re-entry.
    let secret = try? source.secret()
    return LegacySettings(
      origin: "instance \(source.directory.path) (host \(meta.hostname), \(meta.applianceVersion))",
      rows: try store.settings(under: nil), secret: secret,
      secretName: secret == nil
        ? "no Master Secret (the source's secret.key cannot be read)"
        : "the source instance's Master Secret")
  }

  /// This instance's own `legacy_settings` (kept by the 4.x → 5.x migration of a restore), or nil when it has none.
  public static func load(fromMigrated instance: Instance) throws -> LegacySettings? {
    let store = try instance.store()
    let rows = try store.legacySettings()
    guard !rows.isEmpty else { return nil }
    let meta = try store.meta()
    return LegacySettings(
      origin: "this instance's migrated 4.x settings (from \(meta.migratedFrom ?? "4.x"))",
      rows: rows, secret: try instance.secret(), secretName: "this instance's Master Secret")
  }
}
