import Appliance
import ArgumentParser

/// `cluster switchover`: Planned role swap with no data loss: the standby becomes primary, the primary its standby.
public struct ClusterSwitchoverCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "switchover",
    abstract: "Planned role swap with no data loss: the standby becomes primary, the primary its standby."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .instanceAdmin }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    ClusterReportShown.result(try context.instance().clusterSwitchover())
  }
}
