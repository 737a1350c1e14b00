import Appliance
import TestSupport
import Testing

@testable import Commands

@Suite(.engines) struct SecretRedactionTests {
  @Test func redactsSecretOptionsAndUserInfo() {
    let words = [
      "license", "proxy", "set", "--host", "proxy.corp", "--password", "hunter2", "--user", "bob",
      "--api-key=abc123", "https://bob:pa55@proxy.corp:3128", "ftp://anon@host",
    ]
    let redacted = SecretRedaction.redact(words: words)
    let text = redacted.joined(separator: " ")
    #expect(!text.contains("hunter2") && !text.contains("abc123") && !text.contains("pa55"))
    #expect(redacted.contains("--api-key=***"))
    #expect(redacted.contains("https://bob:***@proxy.corp:3128"))
    #expect(redacted.contains("ftp://anon@host"))
    #expect(redacted.contains("bob"))
    #expect(SecretRedaction.carriesSecret(words: ["secret", "import", "--password", "s3cret"]))
    #expect(!SecretRedaction.carriesSecret(words: ["secret", "upload", "--password-file", "f"]))
  }

  /// Every secret setting of both layouts, as typed, abbreviated and in another case.
  static let secretPaths: [String] = {
    var paths: [String] = []
    for (section, fields) in SettingsMapping.currentFields {
      for field in fields where field.sensitive { paths.append("\(section)/\(field.key)") }
    }
    for section in SettingsMapping.sections {
      for field in section.fields
      where SettingsMapping.isLegacySensitive(SettingPath(section.old, field.oldKey)) {
        paths.append("\(section.old)/\(field.oldKey)")
      }
    }
    return paths
  }()

  @Test func everySecretSettingPathMasksItsValue() {
    // Three 5.x secrets (shared key, bind password, community) and their three 4.x origins.
    #expect(Self.secretPaths.count == 6)
    for path in Self.secretPaths {
      for words in [
        ["settings", "set", path, "hunter2"], ["se", "s", path, "hunter2", "--json"],
        ["settings", "set", path.uppercased(), "hunter2"],
      ] {
        let redacted = SecretRedaction.redact(words: words)
        #expect(!redacted.contains("hunter2"), "\(words)")
        #expect(redacted.contains("***"))
        #expect(SecretRedaction.carriesSecret(words: words))
      }
      // Naming the path alone (to be asked without echo) carries nothing.
      #expect(!SecretRedaction.carriesSecret(words: ["settings", "set", path]))
      #expect(!SecretRedaction.carriesSecret(words: ["settings", "set", path, "--json"]))
      #expect(!SecretRedaction.carriesSecret(words: ["settings", "unset", path]))
    }
    // Plain settings keep their values.
    #expect(
      !SecretRedaction.carriesSecret(words: [
        "settings", "set", "Configurations/Networking/DNS/servers", "10.0.0.1",
      ]))
  }
}
