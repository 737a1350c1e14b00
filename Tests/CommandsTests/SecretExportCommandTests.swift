import Foundation
import TestSupport
import Testing

@testable import Commands

/// `secret export` never overwrites a file unless told to.
@Suite(.engines) struct SecretExportCommandTests {
  @Test func existingFileIsAUsageErrorWithoutForce() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let file = harness.directory.write("secret.key", "keep me")
    let error = try harness.failure("secret", "export", "--output", file)
    #expect(error.kind == .usage)
    #expect(ExitStatus.of(error.kind) == ExitStatus.usage)
    #expect(error.message.contains("already exists: use --force"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")

    let json = try #require(
      try harness.json("secret", "export", "--output", file, "--force") as? [String: Any])
    #expect(json["fingerprint"] as? String == (try harness.instance.secret().fingerprint))
    let written = try #require(FileManager.default.contents(atPath: file))
    #expect(written != Data("keep me".utf8))
  }
}
