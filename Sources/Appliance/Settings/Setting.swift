import Foundation

/// One console setting row: a section path (`Setup/LDAP`, `Configurations/Security/LDAP`), a key and a value.
///
/// Sensitive values (bind passwords, shared keys) are sealed: `sealedValue` holds the
/// AES-GCM box and `value` is nil.
public struct Setting: Sendable, Equatable {
  public var section: String
  public var key: String
  public var value: String?
  public var sealedValue: Data?

  /// True when the value is sealed under the Master Secret.
  public var isEncrypted: Bool { sealedValue != nil }

  /// A plain setting.
  public init(section: String, key: String, value: String) {
    self.section = section
    self.key = key
    self.value = value
    self.sealedValue = nil
  }

  /// An encrypted setting.
  public init(section: String, key: String, sealedValue: Data) {
    self.section = section
    self.key = key
    self.value = nil
    self.sealedValue = sealedValue
  }
}

extension Setting {
  /// Refuses a row no engine may write (empty path, or neither or both of a value and a
  /// sealed value), so a batch write rolls back the rows before it.
  public func checkWritable() throws {
    guard !section.isEmpty, !key.isEmpty, (value == nil) != (sealedValue == nil) else {
      throw ApplianceError.failed(
        "refusing to write the malformed setting '\(section)/\(key)': nothing was changed")
    }
  }
}
