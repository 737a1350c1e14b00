import ArgumentParser

/// `exit [STATUS]`: leaves the shell.
public struct ExitCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "exit", abstract: "Leave the shell (with an exit status, 0 by default)."
  ).inShell

  @Argument(help: "The exit status.")
  var status: Int32 = 0

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    throw ShellExit(status: status)
  }
}

/// `quit`: leaves the shell with status 0.
public struct QuitCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "quit", abstract: "Leave the shell."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    throw ShellExit(status: 0)
  }
}
