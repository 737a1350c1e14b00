import Appliance
import ArgumentParser

/// `cluster failover`: Promote this standby when the primary is gone (refused while it answers).
public struct ClusterFailoverCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "failover",
    abstract: "Promote this standby when the primary is gone (refused while it answers)."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  /// A database-service operation (which server is primary), not a change of the appliance's
  /// data or upgrade state; it must run while this node's database is down, when the
  /// workflow state (kept in that database) cannot be read.
  public var workflowAction: WorkflowAction { .show }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterFailover())
  }
}
