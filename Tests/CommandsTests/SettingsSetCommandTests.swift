import Appliance
import TestSupport
import Testing

@testable import Commands

/// A secret setting is never taken from the command line, only from the no-echo prompt (or a file).
@Suite(.engines) struct SettingsSetCommandTests {
  static let path = "Configurations/Security/LDAP/bind_password"

  @Test func secretOnTheLineIsRefused() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let error = try harness.failure("settings", "set", Self.path, "hunter2")
    #expect(error.kind == .usage)
    #expect(error.message.contains("must not be typed on the command line"))
    #expect(!error.message.contains("hunter2"))
    #expect(harness.interaction.secretPrompts.isEmpty)
    #expect(try storedSecret(harness) == nil)
  }

  @Test func secretFromTheNoEchoPromptIsStoredSealed() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    harness.interaction.secrets = ["hunter2"]
    let result = try harness.run("settings", "set", Self.path)
    #expect(harness.interaction.secretPrompts == ["New value for \(Self.path): "])
    #expect(!result.text.contains("hunter2"))
    #expect(result.text.hasPrefix("\(Self.path): "))
    #expect(try storedSecret(harness) == "hunter2")
    let entry = try #require(
      try harness.instance.settingEntries(under: "Configurations/Security/LDAP").first {
        $0.path == Self.path
      })
    #expect(entry.sensitive && entry.readable && entry.value == nil)
  }

  @Test func plainSettingFromTheLine() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let result = try harness.run(
      "settings", "set", "Configurations/Networking/DNS/servers", "10.0.0.53")
    #expect(result.text.hasSuffix("-> 10.0.0.53"))
    #expect(harness.interaction.secretPrompts.isEmpty)
  }

  /// The bind password as stored, opened under the instance's secret.
  func storedSecret(_ harness: CommandHarness) throws -> String? {
    let row = try harness.instance.store().settings(under: "Configurations/Security/LDAP").first {
      $0.key == "bind_password"
    }
    guard let sealed = row?.sealedValue else { return nil }
    return try harness.instance.reveal(sealed).text
  }
}
