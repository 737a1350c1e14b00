import Appliance
import ArgumentParser

/// `upgrade next [--run]`: explains the next step, and runs it when it needs no input.
public struct UpgradeNextCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "Explain the next upgrade step; with --run, run it when it needs no further input."
  ).inShell

  @Flag(help: "Run the next step's command (only when it needs no file or answer).")
  var run = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { run ? .other : .show }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let machine = try context.instance().workflow()
    guard let next = machine.nextStep() else {
      return Message("Nothing left: the upgrade is complete on this appliance.")
    }
    let explanation = "Next (state \(machine.state.rawValue)): \(next.title)\n  \(next.command)"
    guard run else {
      let hint = next.needsInput ? "  (needs input: run it yourself)" : "  (or: upgrade next --run)"
      return Rendered(next, text: explanation + "\n" + hint)
    }
    if next.needsInput {
      throw ApplianceError.usage("the next step needs input; run it yourself: \(next.command)")
    }
    context.interaction.notice(explanation)
    let status = try context.runCommandLine(next.command)
    if status != 0 {
      throw ApplianceError(
        status == 3 ? .refused : .failed, "the next step failed: \(next.command) (exit \(status))")
    }
    return NoOutput()
  }
}
