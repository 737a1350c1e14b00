import ArgumentParser

/// `overcast ...`: where the appliance reaches the Overcast licence service.
public struct OvercastCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "overcast", abstract: "Configure the Overcast URL, extra CA bundle and timeouts.",
    subcommands: [OvercastURLCommand.self, OvercastCACommand.self, OvercastTimeoutCommand.self])

  public init() {}
}
