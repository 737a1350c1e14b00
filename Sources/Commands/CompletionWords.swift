import Appliance
import Foundation

/// The words of a command line a shell is completing, as argument-parser hands them to a custom
/// completion (`trsh --instance DIR alert-source enable ...`): value providers read the line's
/// instance from them.
public struct CompletionWords: Sendable, Equatable {
  /// `TrshCommand`'s options that take a value (a test keeps them in step with the model).
  public static let rootValueOptions: Set<String> = ["--instance", "-f", "-c"]

  /// The words, the program's name first, as typed (bash and zsh keep the quotes).
  public var words: [String]

  public init(_ words: [String]) {
    self.words = words
  }

  /// The directory of the root's `--instance DIR` or `--instance=DIR`, unquoted, or nil.
  public var instance: String? {
    var found: String?
    var index = 1
    // Root options come before the command's first word, as `LaunchOptions` reads them.
    while index < words.count, words[index].hasPrefix("-"), words[index] != "--" {
      let word = words[index]
      if word.hasPrefix("--instance=") {
        found = Self.unquoted(String(word.dropFirst("--instance=".count)))
      } else if Self.rootValueOptions.contains(word) {
        var value = index + 1
        // bash splits `--instance=DIR` at the `=` (COMP_WORDBREAKS): `--instance`, `=`, `DIR`.
        if value < words.count && words[value] == "=" { value += 1 }
        if word == "--instance" && value < words.count { found = Self.unquoted(words[value]) }
        index = value
      }
      index += 1
    }
    return found
  }

  /// Where providers look for this line's values: its `--instance`, else the environment's.
  public func providerContext(environment: [String: String]) -> ProviderContext {
    ProviderContext(
      instancePath: InstanceLocator.resolve(explicit: instance, environment: environment),
      environment: environment)
  }

  /// A word with the POSIX shell's quoting removed: `'a b'`, `"a b"`, `a\ b` all give `a b`.
  public static func unquoted(_ word: String) -> String {
    var out = ""
    var quote: Character?
    var escaped = false
    for c in word {
      if escaped {
        // Inside double quotes a backslash only escapes $ ` " \ (it stays before others).
        if quote == "\"" && !"$`\"\\".contains(c) { out.append("\\") }
        out.append(c)
        escaped = false
      } else if quote == "'" {
        if c == "'" { quote = nil } else { out.append(c) }
      } else if quote == "\"" {
        if c == "\"" {
          quote = nil
        } else if c == "\\" {
          escaped = true
        } else {
          out.append(c)
        }
      } else if c == "\\" {
        escaped = true
      } else if c == "'" || c == "\"" {
        quote = c
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// A word quoted for the POSIX shell, so that `unquoted` gives it back exactly.
  public static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }
}
