/// A licence key and what Overcast last said about it.
public struct License: Codable, Sendable, Equatable {
  public var key: LicenseKey
  public var state: LicenseState
  public var productName: String?
  /// Expiry date, `YYYY-MM-DD`.
  public var expiresAt: String?
  public var lastValidatedAt: String?
  /// Why validation failed (state `Invalid`).
  public var reason: String?

  public init(
    key: LicenseKey, state: LicenseState, productName: String? = nil, expiresAt: String? = nil,
    lastValidatedAt: String? = nil, reason: String? = nil
  ) {
    self.key = key
    self.state = state
    self.productName = productName
    self.expiresAt = expiresAt
    self.lastValidatedAt = lastValidatedAt
    self.reason = reason
  }
}
