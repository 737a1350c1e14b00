import TestSupport
import Testing

@testable import Commands

/// `license proxy show --json`: whether a proxy is configured, its address and user, and only
/// whether a password is set and readable.
@Suite(.engines) struct LicenseProxyCommandTests {
  @Test func showWithoutAProxy() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let json = try #require(try harness.json("license", "proxy", "show") as? [String: Any])
    #expect(json.keys.sorted() == ["configured"])
    #expect(json["configured"] as? Bool == false)
  }

  @Test func showAfterSetWithAPromptedPassword() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    harness.interaction.secrets = ["pa55word"]
    try harness.run("license", "proxy", "set", "proxy.example:3128", "--user", "alice")
    #expect(harness.interaction.secretPrompts == ["Proxy password for alice: "])
    let json = try #require(try harness.json("license", "proxy", "show") as? [String: Any])
    #expect(
      json.keys.sorted() == [
        "configured", "host", "passwordReadable", "passwordSet", "port", "username",
      ])
    #expect(json["configured"] as? Bool == true)
    #expect(json["host"] as? String == "proxy.example")
    #expect(json["port"] as? Int == 3128)
    #expect(json["username"] as? String == "alice")
    #expect(json["passwordSet"] as? Bool == true)
    #expect(json["passwordReadable"] as? Bool == true)
    #expect(!"\(json)".contains("pa55word"))
  }

  @Test func withoutAPersonThePasswordMustComeFromElsewhere() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    harness.interaction.canAsk = false
    let error = try harness.failure(
      "license", "proxy", "set", "proxy.example:3128", "--user", "bob")
    #expect(error.kind == .usage)
    #expect(error.message.contains("TRSH_PROXY_PASSWORD"))
    harness.environment = ["TRSH_PROXY_PASSWORD": "from-env"]
    try harness.run("license", "proxy", "set", "proxy.example:3128", "--user", "bob")
    let json = try #require(try harness.json("license", "proxy", "show") as? [String: Any])
    #expect(json["username"] as? String == "bob")
    #expect(harness.interaction.secretPrompts.isEmpty)
  }
}
