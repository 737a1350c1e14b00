import Appliance
import ArgumentParser

/// `cluster switchover`: Planned role swap with no data loss: the standby becomes primary, the primary its standby.
public struct ClusterSwitchoverCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "switchover",
    abstract:
      "Planned role swap with no data loss: the standby becomes primary, the primary its standby."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  /// A database-service operation (which server is primary), not a change of the appliance's
  /// data or upgrade state; it must run while this node's database is down, when the
  /// workflow state (kept in that database) cannot be read.
  public var workflowAction: WorkflowAction { .show }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterSwitchover())
  }
}
