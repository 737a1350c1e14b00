/// One line of a settings copy's diff: an old field, where it goes and what happens to it.
///
/// Sensitive values never appear: `current` and `proposed` show `(secret)` instead.
public struct SettingsDiffEntry: Codable, Sendable, Equatable {
  /// What the copy does with the field.
  public enum Change: String, Codable, Sendable {
    /// The 5.x field has no value yet and gets one.
    case added
    /// The 5.x field's value is replaced.
    case changed
    /// The 5.x field already has the old value.
    case unchanged
    /// Never written by a copy (the Default Gateway), whatever the old value.
    case leftAlone = "left-alone"
    /// The old field has no place in 5.x.
    case omitted
    /// A secret that cannot be carried across and must be typed again on this appliance.
    case mustReenter = "must-reenter"
  }

  public var change: Change
  /// The 4.x path, e.g. `Setup/AAA/authentication_order`.
  public var oldPath: String
  /// The 5.x path, nil when the field has no place in 5.x.
  public var newPath: String?
  /// This instance's value now (nil when unset).
  public var current: String?
  /// The value the copy brings (nil when nothing is written).
  public var proposed: String?
  /// Why a field is omitted, left alone or must be re-entered.
  public var reason: String?

  enum CodingKeys: String, CodingKey {
    case change
    case oldPath = "old_path"
    case newPath = "new_path"
    case current, proposed, reason
  }
}
