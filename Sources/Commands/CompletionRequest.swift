import ArgumentParser

/// A request for one argument's completion values, in the form argument-parser's bash, zsh and
/// fish scripts send it: `trsh ---completion SUBCOMMAND... -- ARGUMENT WORD-INDEX CURSOR WORD...`.
///
/// argument-parser finds the argument and runs its custom completion (a value provider, see
/// `CompletionKind.provider`); the REPL sends the same request in-process.
public enum CompletionRequest {
  /// The first process argument of a request.
  public static let marker = "---completion"

  /// The request for an argument of the command at `path` (`["alert-source", "enable"]`), named
  /// `positional@N` or by its option spelling (`--secret`), on a line whose words (the program's
  /// name first) end with the partial word at the cursor.
  public static func arguments(path: [String], argument: String, words: [String]) -> [String] {
    let current = words.last ?? ""
    return [marker] + path + [
      "--", argument, String(max(words.count - 1, 0)), String(current.count),
    ]
      + words
  }

  /// Answers a request: what to print and whether it succeeded (a request that names no
  /// argument with a custom completion fails with argument-parser's message).
  public static func answer(
    _ arguments: [String], root: any ParsableCommand.Type = TrshCommand.self
  ) -> (text: String, succeeded: Bool) {
    do {
      _ = try root.parseAsRoot(arguments)
      return ("", false)  // not a request: argument-parser parsed a command instead
    } catch {
      return (root.fullMessage(for: error), root.exitCode(for: error) == .success)
    }
  }

  /// The values of an answered request, one per line.
  public static func values(
    _ arguments: [String], root: any ParsableCommand.Type = TrshCommand.self
  ) -> [String] {
    let answer = answer(arguments, root: root)
    guard answer.succeeded else { return [] }
    return answer.text.split(separator: "\n").map(String.init)
  }
}
