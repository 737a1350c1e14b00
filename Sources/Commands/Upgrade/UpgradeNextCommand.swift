import Appliance
import ArgumentParser

/// `upgrade next [--run]`: explains the next step, and runs it when it needs no input.
public struct UpgradeNextCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "Explain the next upgrade step; with --run, run it when it needs no further input."
  ).inShell

  @Flag(
    help: ArgumentHelp(
      "Run the next step's command (only when it needs no file); a step that asks for"
        + " confirmation (restore) asks, or takes --yes."))
  var run = false

  @OptionGroup public var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  public init() {}

  public var workflowAction: WorkflowAction { run ? .other : .show }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let machine = try context.instance().workflow()
    guard let next = machine.nextStep() else {
      return Message("Nothing left: the upgrade is complete on this appliance.")
    }
    let command = next.step.commandLine
    let explanation = "Next (state \(machine.state.rawValue)): \(next.title)\n  \(command)"
    if run && machine.role == .new && machine.state == .live {
      // Only the admin's own check and the old appliance's decommissioning remain: nothing
      // here to run, and nothing wrong either.
      return Message(
        "The upgrade is complete on this appliance (state live). Check that data, configuration"
          + " and licences match ('\(WorkflowStep.showStatus.commandLine)'), then decommission the"
          + " old appliance ('\(WorkflowStep.decommission.commandLine)' there).")
    }
    guard run else {
      let hint = next.needsInput ? "  (needs input: run it yourself)" : "  (or: upgrade next --run)"
      return Rendered(PlanStepShown(next), text: explanation + "\n" + hint)
    }
    if next.needsInput {
      throw ApplianceError.usage("the next step needs input; run it yourself: \(command)")
    }
    context.interaction.notice(explanation)
    if next.step == .showServices {
      // The step is to wait: do so (bounded by the restart, Ctrl-C stops it), so the workflow
      // learns the services run again and the step is done; `show services` alone only looks.
      try context.settleServices(wait: true)
    }
    let status = try context.runCommandLine(command, confirm.yes)
    if status != 0 {
      // The step's own exit code carries over (a refusal stays 3, a dead Overcast 5).
      throw ApplianceError(
        ExitStatus.kind(of: status),
        "the next step failed: \(command) (exit \(status))")
    }
    return NoOutput()
  }
}
