import Appliance

/// Masks the secrets a command line may carry before history, the audit log or the workflow
/// history see it: values of secret options, values after a secret setting path, and
/// `user:pass@` credentials. The command layer owns it because it knows the spellings.
public enum SecretRedaction {
  /// Options whose value is a secret: the value is replaced by `***`.
  public static let secretOptions: Set<String> = [
    "--password", "--passwd", "--secret", "--secret-value", "--bind-password",
    "--proxy-password", "--api-key", "--token", "--passphrase", "--credentials", "--community",
    "--shared-key", "--pass",
  ]

  /// Masks values after secret-bearing options (`--password X`, `--password=X`), the value
  /// after a secret setting path (`settings set …/LDAP/bind_password X`) and any `user:pass@`
  /// credentials embedded in a word (URLs, proxy specifications).
  public static func redact(words: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(words.count)
    var maskNext = false
    for word in words {
      if maskNext {
        maskNext = false
        // A secret setting path followed by an option (`--json`) has no typed value.
        if !word.hasPrefix("-") || word.count == 1 {
          out.append("***")
          continue
        }
      }
      // Most words are neither options, paths nor carry `user:pass@`: skip the string work.
      let first = word.utf8.first
      guard
        first == UInt8(ascii: "-") || word.utf8.contains(UInt8(ascii: "@"))
          || word.utf8.contains(UInt8(ascii: "/"))
      else {
        out.append(word)
        continue
      }
      if first == UInt8(ascii: "-") {
        if let eq = word.firstIndex(of: "="),
          secretOptions.contains(String(word[..<eq]).lowercased())
        {
          out.append(word[..<eq] + "=***")
          continue
        }
        if secretOptions.contains(word.lowercased()) {
          maskNext = true
          out.append(word)
          continue
        }
      } else if SettingsMapping.isSecretSettingWord(word) {
        maskNext = true
        out.append(word)
        continue
      }
      out.append(maskUserInfo(word))
    }
    return out
  }

  /// Whether the words carry a secret that redaction would mask.
  public static func carriesSecret(words: [String]) -> Bool {
    redact(words: words) != words
  }

  /// `scheme://user:secret@host` and `user:secret@host` become `user:***@host`.
  static func maskUserInfo(_ word: String) -> String {
    guard let at = word.lastIndex(of: "@") else { return word }
    let before = word[..<at]
    let start = before.range(of: "://")?.upperBound ?? before.startIndex
    guard let colon = before[start...].firstIndex(of: ":") else { return word }
    let password = before[before.index(after: colon)...]
    guard !password.isEmpty else { return word }
    return String(word[..<before.index(after: colon)]) + "***" + String(word[at...])
  }
}
