import ArgumentParser

/// `echo WORDS...`: prints its arguments.
public struct EchoCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "echo", abstract: "Print the words given, separated by spaces."
  ).inShell

  @Argument(help: "The words to print.")
  var words: [String] = []

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    Message(words.joined(separator: " "))
  }
}
