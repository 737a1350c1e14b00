import Foundation

/// The two database schema generations an instance can have: legacy 4.x and current 5.x.
public enum SchemaGeneration: String, Codable, Sendable, CaseIterable {
  /// A 4.x appliance: old console settings layout (`Setup/...`) and older column names.
  case legacy = "4.x"
  /// A 5.x appliance: new console settings layout and current schema.
  case current = "5.x"

  /// The appliance software version an instance of this generation reports.
  public var applianceVersion: String {
    switch self {
    case .legacy: "4.6.2"
    case .current: "5.1.0"
    }
  }

  /// The schema version stored in `meta` (bumped by every future migration).
  public var schemaVersion: Int {
    switch self {
    case .legacy: 4
    case .current: 5
    }
  }

  /// The generation a stored schema version belongs to.
  package init(schemaVersion: Int) throws {
    switch schemaVersion {
    case 4: self = .legacy
    case 5: self = .current
    default:
      throw ApplianceError.failed(
        "the instance database has schema version \(schemaVersion), which this trsh does not know")
    }
  }
}
