import ArgumentParser

/// `show ...`: read-only views of the shell and the instance.
public struct ShowCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show versions, status and services.",
    subcommands: [ShowVersionCommand.self, ShowStatusCommand.self, ShowServicesCommand.self])

  public init() {}
}
