import Appliance
import ArgumentParser

/// `cluster rejoin`: Bring this node (the old primary) back as the standby of the current primary.
public struct ClusterRejoinCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "rejoin",
    abstract: "Bring this node (the old primary) back as the standby of the current primary."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .instanceAdmin }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterRejoin())
  }
}
