import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The instance's 32-byte Master Secret, the root of field encryption.
///
/// The secret bytes never appear in a description, a mirror, a log or an error message:
/// only its fingerprint (a keyed check value) is ever shown.
public struct MasterSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// Size of the secret in bytes.
  public static let byteCount = 32

  private let bytes: [UInt8]
  // Kept as bytes: SymmetricKey is not Sendable; building one per use is cheap.
  private let fieldKeyBytes: [UInt8]
  private var fieldKey: SymmetricKey { SymmetricKey(data: fieldKeyBytes) }
  /// Grouped hex fingerprint, e.g. `ab12 cd34 ef56 ...` (16 bytes, 8 groups).
  public let fingerprint: String

  // Fixed HKDF info strings: changing one would make every existing ciphertext unreadable.
  private static let fieldInfo = Data("trsh field encryption v1".utf8)
  private static let checkInfo = Data("trsh master secret check value v1".utf8)
  private static let checkMessage = Data("trsh-master-secret-fingerprint".utf8)

  /// Wraps existing secret bytes (e.g. an uploaded secret file); refuses a wrong length.
  public init(bytes: [UInt8]) throws {
    guard bytes.count == MasterSecret.byteCount else {
      throw ApplianceError.validation(
        "a Master Secret is \(MasterSecret.byteCount) bytes; this one has \(bytes.count)")
    }
    self.bytes = bytes
    let ikm = SymmetricKey(data: bytes)
    fieldKeyBytes = HKDF<SHA256>.deriveKey(
      inputKeyMaterial: ikm, info: MasterSecret.fieldInfo, outputByteCount: 32
    ).withUnsafeBytes { Array($0) }
    let checkKey = HKDF<SHA256>.deriveKey(
      inputKeyMaterial: ikm, info: MasterSecret.checkInfo, outputByteCount: 32)
    let mac = HMAC<SHA256>.authenticationCode(for: MasterSecret.checkMessage, using: checkKey)
    fingerprint = MasterSecret.grouped(Array(mac).prefix(16))
  }

  /// A new random secret from the system's secure generator.
  public static func generate() -> MasterSecret {
    var rng = SystemRandomNumberGenerator()
    return try! MasterSecret(
      bytes: (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &rng) })
  }

  /// A secret from a seeded generator, for deterministic sample instances only.
  static func seeded(_ rng: inout SeededGenerator) -> MasterSecret {
    try! MasterSecret(bytes: (0..<byteCount).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
  }

  /// The raw bytes, for `secret export` only; callers must never print or log them.
  public func exportedBytes() -> [UInt8] { bytes }

  /// Reads a secret file (or a pipe, `<(gpg -d ...)`); a wrong size is a validation failure
  /// (the file is not a secret).
  public static func load(from url: URL, cancel: (any Cancellation)? = nil) throws -> MasterSecret {
    let data = try InputFile.read(url.path, what: "the Master Secret file", cancel: cancel)
    return try MasterSecret(bytes: Array(data))
  }

  /// Writes the secret atomically with mode 0600: temporary file, fsync, rename, fsync of the directory.
  public func write(to url: URL) throws {
    try DurableFile.write(Data(bytes), to: url)
  }

  /// Seals a field: AES-GCM under the HKDF-derived key; returns the combined nonce+ciphertext+tag.
  public func encrypt(_ text: String) -> Data {
    // Sealing with a fresh random nonce cannot fail for in-memory data.
    try! AES.GCM.seal(Data(text.utf8), using: fieldKey).combined!
  }

  /// Seals a field with a nonce from a seeded generator, so sample data is reproducible.
  package func encrypt(_ text: String, rng: inout SeededGenerator) -> Data {
    let nonceBytes = (0..<12).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let nonce = try! AES.GCM.Nonce(data: nonceBytes)
    return try! AES.GCM.seal(Data(text.utf8), using: fieldKey, nonce: nonce).combined!
  }

  /// Opens a sealed field; anything that does not authenticate under this secret is `.unreadable`.
  public func decrypt(_ sealed: Data) -> FieldValue {
    guard let box = try? AES.GCM.SealedBox(combined: sealed),
      let plain = try? AES.GCM.open(box, using: fieldKey),
      let text = String(bytes: plain, encoding: .utf8)
    else { return .unreadable }
    return .plain(text)
  }

  public var description: String { "MasterSecret(fingerprint: \(fingerprint))" }
  public var debugDescription: String { description }
  public var customMirror: Mirror { Mirror(self, children: ["fingerprint": fingerprint]) }

  static func grouped(_ bytes: some Collection<UInt8>) -> String {
    let hex = bytes.map { String(format: "%02x", $0) }.joined()
    var groups: [Substring] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let end = hex.index(index, offsetBy: 4, limitedBy: hex.endIndex) ?? hex.endIndex
      groups.append(hex[index..<end])
      index = end
    }
    return groups.joined(separator: " ")
  }
}
