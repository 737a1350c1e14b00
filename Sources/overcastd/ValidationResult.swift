/// The verdict on one key: `{"key", "valid": true, "product", "expires"}` or `{"key", "valid": false, "reason"}`.
struct ValidationResult: Codable, Sendable, Equatable {
  var key: String
  var valid: Bool
  var product: String?
  var expires: String?
  var reason: String?

  static func valid(_ key: String, product: String, expires: String) -> ValidationResult {
    ValidationResult(key: key, valid: true, product: product, expires: expires, reason: nil)
  }

  static func invalid(_ key: String, reason: String) -> ValidationResult {
    ValidationResult(key: key, valid: false, product: nil, expires: nil, reason: reason)
  }
}
