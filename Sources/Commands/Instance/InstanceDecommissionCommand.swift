import Appliance
import ArgumentParser

/// `instance decommission`: the old appliance's last step; disables every source for good.
public struct InstanceDecommissionCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "decommission",
    abstract:
      "Decommission this (old) appliance: disable all alert sources; only show, help and backup remain.",
    discussion: "Asks you to type the host name to confirm, unless --yes."
  ).inShell

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .decommission }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let host = try instance.store().meta().hostname
    if !(confirm.yes || context.assumeYes) {
      guard context.mode != .batch, context.interaction.canAsk else {
        throw ApplianceError.failed(
          "decommissioning needs the host name typed, and nobody can answer in batch mode: add --yes"
        )
      }
      let typed = try context.interaction.readLine(
        "Type the host name (\(host)) to decommission it: ")
      guard typed?.trimmingCharacters(in: .whitespaces) == host else {
        throw ApplianceError.failed("not decommissioned: the host name did not match")
      }
    }
    let changes = try instance.setAlertSources(enabled: false, names: nil)
    let disabled = changes.filter(\.changed).count
    return Message(
      "\(host) is decommissioned (\(disabled) alert sources disabled now). Only show, help and backup create remain."
    )
  }
}
