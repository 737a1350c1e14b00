import Crypto
import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite(.engines) struct MasterSecretTests {
  @Test func encryptionRoundTrips() throws {
    let secret = MasterSecret.generate()
    let sealed = secret.encrypt("s3cr3t bind password ✓")
    #expect(secret.decrypt(sealed) == .plain("s3cr3t bind password ✓"))
    #expect(!sealed.contains(Data("s3cr3t".utf8)))
    // A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
    #expect(secret.encrypt("x") != secret.encrypt("x"))
  }

  @Test func anotherSecretYieldsUnreadable() {
    let sealed = MasterSecret.generate().encrypt("credentials")
    #expect(MasterSecret.generate().decrypt(sealed) == .unreadable)
    #expect(MasterSecret.generate().decrypt(Data([1, 2, 3])) == .unreadable)
    var damaged = sealed
    damaged[damaged.startIndex + 14] ^= 0x01
    #expect(MasterSecret.generate().decrypt(damaged) == .unreadable)
  }

  @Test func fingerprintIsAStableKeyedCheckValue() throws {
    let bytes = (0..<32).map { UInt8($0) }
    let a = try MasterSecret(bytes: bytes)
    let b = try MasterSecret(bytes: bytes)
    #expect(a.fingerprint == b.fingerprint)
    #expect(a.fingerprint != MasterSecret.generate().fingerprint)
    // Grouped hex: 8 groups of 4 hex digits.
    let groups = a.fingerprint.split(separator: " ")
    #expect(groups.count == 8)
    #expect(groups.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isHexDigit) })
    // Never a plain hash of the secret.
    let plain = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    #expect(!plain.hasPrefix(a.fingerprint.replacingOccurrences(of: " ", with: "")))
  }

  @Test func secretNeverAppearsInDescriptions() throws {
    let bytes = [UInt8](repeating: 0xAB, count: 32)
    let secret = try MasterSecret(bytes: bytes)
    for text in [
      secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret),
    ] {
      #expect(!text.lowercased().contains("abab"))
      #expect(!text.contains("171"))
    }
  }

  @Test func rejectsWrongLength() {
    #expect(throws: ApplianceError.self) { try MasterSecret(bytes: [1, 2, 3]) }
  }

  @Test func secretFileIsWrittenAtomicallyWithMode0600() throws {
    try TemporaryDirectory.with { dir in
      let url = dir.appendingPathComponent("secret.key")
      let secret = MasterSecret.generate()
      try secret.write(to: url)
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
      #expect((attributes[.size] as? NSNumber)?.intValue == 32)
      #expect(try MasterSecret.load(from: url).fingerprint == secret.fingerprint)
      // Overwriting replaces it whole and leaves no temporary file behind.
      let other = MasterSecret.generate()
      try other.write(to: url)
      #expect(try MasterSecret.load(from: url).fingerprint == other.fingerprint)
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["secret.key"])
    }
  }

  @Test func passwordHashesVerify() {
    let salt = [UInt8](repeating: 7, count: 16)
    let hash = PasswordHash.make(password: "correct horse", salt: salt, iterations: 100)
    #expect(hash.hasPrefix("pbkdf2-sha256$100$"))
    #expect(PasswordHash.verify(password: "correct horse", against: hash))
    #expect(!PasswordHash.verify(password: "wrong", against: hash))
    let legacy = PasswordHash.makeLegacy(password: "old", salt: salt)
    #expect(PasswordHash.verify(password: "old", against: legacy))
    #expect(!PasswordHash.verify(password: "new", against: legacy))
  }

  @Test func pbkdf2MatchesRFC7914Vector() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1), first 32 bytes.
    let out = PasswordHash.pbkdf2(
      password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1)
    #expect(
      PasswordHash.hex(out) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
  }
}
