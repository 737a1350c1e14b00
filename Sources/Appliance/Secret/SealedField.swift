import Foundation

/// One encrypted field of a database, as found by a scan (restore validation, secret upload).
public struct SealedField: Sendable, Equatable {
  /// Where the field lives.
  public enum Kind: String, Sendable, Codable {
    case alertSourceCredentials, setting, legacySetting, proxyPassword
  }

  public var kind: Kind
  /// The source name, the setting's `section/key`, or `licensing proxy`.
  public var name: String
  public var sealed: Data

  public init(kind: Kind, name: String, sealed: Data) {
    self.kind = kind
    self.name = name
    self.sealed = sealed
  }

  /// How people name the field ("what must be re-entered").
  public var label: String {
    switch kind {
    case .alertSourceCredentials: "alert source '\(name)' credentials"
    case .setting: "setting \(name)"
    case .legacySetting: "4.x setting \(name)"
    case .proxyPassword: "licensing proxy password"
    }
  }
}
