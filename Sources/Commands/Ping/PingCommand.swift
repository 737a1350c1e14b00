import ArgumentParser

/// `ping ...`: reachability checks of the services the appliance talks to.
public struct PingCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ping", abstract: "Check that a service answers.",
    subcommands: [PingOvercastCommand.self])

  public init() {}
}
