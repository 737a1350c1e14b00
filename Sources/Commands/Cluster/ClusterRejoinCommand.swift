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

  /// A database-service operation (which server is primary), not a change of the appliance's
  /// data or upgrade state; it must run while this node's database is down, when the
  /// workflow state (kept in that database) cannot be read.
  public var workflowAction: WorkflowAction { .show }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterRejoin())
  }
}
