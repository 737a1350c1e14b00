/// Overcast's verdict on one licence key.
public struct LicenseValidation: Sendable, Equatable {
  /// Valid with its product and expiry, or invalid with Overcast's reason.
  public enum Outcome: Sendable, Equatable {
    /// `expires` is the last valid day, `YYYY-MM-DD`.
    case valid(product: String, expires: String)
    /// `reason` is Overcast's wording: "unknown", "expired", "revoked", "bound to another instance", ...
    case invalid(reason: String)
  }

  public var key: LicenseKey
  public var outcome: Outcome

  public init(key: LicenseKey, outcome: Outcome) {
    self.key = key
    self.outcome = outcome
  }

  public var isValid: Bool {
    if case .valid = outcome { return true }
    return false
  }
}
