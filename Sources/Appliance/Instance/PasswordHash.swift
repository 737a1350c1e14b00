import Crypto
import Foundation

/// Salted password hashes in `$`-separated text form, as the users table stores them.
///
/// 5.x writes `pbkdf2-sha256$ITERATIONS$SALT$HASH`; 4.x wrote `hmac-sha256$SALT$HASH`.
/// Both verify, because a restore may bring a 4.x admin password across unchanged.
public enum PasswordHash {
  /// PBKDF2 iterations for new hashes: enough to slow guessing, cheap enough for instance creation.
  public static let iterations = 20_000

  /// Hashes a password with PBKDF2-HMAC-SHA256 and the given 16-byte salt.
  public static func make(password: String, salt: [UInt8], iterations: Int = iterations) -> String {
    let hash = pbkdf2(password: Array(password.utf8), salt: salt, iterations: iterations)
    return "pbkdf2-sha256$\(iterations)$\(hex(salt))$\(hex(hash))"
  }

  /// Hashes the way 4.x did: one HMAC-SHA256 keyed with the salt.
  static func makeLegacy(password: String, salt: [UInt8]) -> String {
    let mac = HMAC<SHA256>.authenticationCode(
      for: Data(password.utf8), using: SymmetricKey(data: salt))
    return "hmac-sha256$\(hex(salt))$\(hex(Array(mac)))"
  }

  /// Checks a password against a stored hash of either format, in constant time.
  public static func verify(password: String, against stored: String) -> Bool {
    let parts = stored.split(separator: "$").map(String.init)
    let expected: String
    switch parts.first {
    case "pbkdf2-sha256" where parts.count == 4:
      guard let iterations = Int(parts[1]), iterations > 0, let salt = unhex(parts[2]) else {
        return false
      }
      expected = make(password: password, salt: salt, iterations: iterations)
    case "hmac-sha256" where parts.count == 3:
      guard let salt = unhex(parts[1]) else { return false }
      expected = makeLegacy(password: password, salt: salt)
    default:
      return false
    }
    let a = Array(expected.utf8)
    let b = Array(stored.utf8)
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }

  static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
    // One 32-byte block suffices: the output length equals SHA-256's.
    let key = SymmetricKey(data: password)
    var block = Array(HMAC<SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
    var result = block
    for _ in 1..<max(iterations, 1) {
      block = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
      for i in 0..<result.count { result[i] ^= block[i] }
    }
    return result
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
  }

  static func unhex(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 2)
    var i = 0
    while i < chars.count {
      guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    return out
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: c - 48
    case 97...102: c - 87
    case 65...70: c - 55
    default: nil
    }
  }
}
