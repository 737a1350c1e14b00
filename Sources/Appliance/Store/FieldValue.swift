/// A decrypted sensitive field: its text, or `unreadable` when it was sealed under another Master Secret.
public enum FieldValue: Sendable, Equatable {
  /// The field opened under the current secret.
  case plain(String)
  /// The ciphertext does not open under the current secret (or is damaged): never shown as garbage.
  case unreadable

  /// The text, if readable.
  public var text: String? {
    if case .plain(let text) = self { return text }
    return nil
  }

  /// Whether the field opened under the current secret.
  public var isReadable: Bool { text != nil }
}
