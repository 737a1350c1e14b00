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

  public var workflowAction: WorkflowAction { .instanceAdmin }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterFailover())
  }
}
