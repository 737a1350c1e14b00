import Appliance
import ArgumentParser

/// `cluster leave`: this node stops replicating and runs standalone.
public struct ClusterLeaveCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "leave",
    abstract: "Take this node out of the cluster; it runs standalone with the data it has.",
    discussion:
      "Run it on the secondary first; the primary then leaves once no standby is attached."
  ).inShell

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .instanceAdmin }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    try context.confirm("Take this node out of its cluster?", yes: confirm.yes)
    return ClusterReportShown.result(try context.instance().leaveCluster())
  }
}
