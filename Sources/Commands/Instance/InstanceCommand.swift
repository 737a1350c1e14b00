import ArgumentParser

/// `instance ...`: create, inspect and decommission appliance instances.
public struct InstanceCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "instance", abstract: "Create and inspect appliance instances.",
    subcommands: [
      InstanceCreateCommand.self, InstanceInfoCommand.self, InstanceDecommissionCommand.self,
    ])

  public init() {}
}
