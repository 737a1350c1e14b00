import ArgumentParser

extension CommandConfiguration {
  /// The configuration of a command the shell parses on its own, as the root of its parse.
  ///
  /// Naming a super-command makes argument-parser skip its search for
  /// `--generate-completion-script` on every parse, which cost more than parsing the command
  /// itself. It only shows when the command is the root of a help text, which the shell never
  /// renders (help always starts at `trsh`).
  var inShell: CommandConfiguration {
    var configuration = self
    configuration._superCommandName = "trsh"
    return configuration
  }
}
