import ArgumentParser

/// `restore [FILE] ...` and `restore status`.
public struct RestoreCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "restore", abstract: "Restore an uploaded backup; show the last restore.",
    subcommands: [RestoreRunCommand.self, RestoreStatusCommand.self],
    defaultSubcommand: RestoreRunCommand.self)

  public init() {}
}
