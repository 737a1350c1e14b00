/// A licence key: five groups of five Crockford base-32 characters, the last one a check character.
///
/// The check character lets a typo be caught locally, before any request reaches Overcast.
public struct LicenseKey: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The canonical form, upper case with dashes: `ABCDE-FGHJK-MNPQR-STVWX-YZ01C`.
  public let value: String

  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// Parses and checks a key; accepts lower case and missing dashes.
  public init(_ text: String) throws {
    let chars = text.uppercased().filter { $0 != "-" && $0 != " " }
    guard chars.count == 25 else {
      throw ApplianceError.usage(
        "licence key '\(text)' must have 25 characters in five groups of five (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX)"
      )
    }
    for c in chars where !LicenseKey.alphabet.contains(c) {
      throw ApplianceError.usage("licence key '\(text)' contains '\(c)', which no key has")
    }
    let body = Array(chars.prefix(24))
    guard LicenseKey.check(body) == chars.last else {
      throw ApplianceError.usage(
        "licence key '\(text)' fails its check character: it is mistyped")
    }
    self.value = LicenseKey.group(Array(chars))
  }

  /// Makes a valid key from 24 body characters (drawn from the alphabet), adding the check character.
  public static func make(body: [Character]) -> LicenseKey {
    precondition(body.count == 24)
    // Safe: body + its own check character always validates.
    return try! LicenseKey(String(body + [check(body)]))
  }

  /// Makes a key from 24 indices into the alphabet (for deterministic generators).
  public static func make(indices: [Int]) -> LicenseKey {
    make(body: indices.map { alphabet[$0 & 31] })
  }

  static func check(_ body: [Character]) -> Character {
    var sum = 0
    for (i, c) in body.enumerated() {
      let v = alphabet.firstIndex(of: c) ?? 0
      sum = (sum + v * (i % 7 + 1) + i) % 31
    }
    return alphabet[sum]
  }

  static func group(_ chars: [Character]) -> String {
    stride(from: 0, to: 25, by: 5).map { String(chars[$0..<$0 + 5]) }.joined(separator: "-")
  }

  /// The key masked except its last group: `*****-*****-*****-*****-YZ01C`.
  public var masked: String { "*****-*****-*****-*****-" + value.suffix(5) }

  public var description: String { value }

  public init(from decoder: any Decoder) throws {
    self = try LicenseKey(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
