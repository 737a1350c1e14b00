import Appliance
import ArgumentParser

/// `upgrade ...`: where this appliance is in the upgrade, and what comes next.
public struct UpgradeCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "upgrade",
    abstract: "Follow the guided upgrade: status, the whole plan, the next step.",
    subcommands: [UpgradeStatusCommand.self, UpgradePlanCommand.self, UpgradeNextCommand.self])

  public init() {}
}

/// The checklist as text: `[x]`/`[ ]`, the step, its command.
func planText(_ steps: [Workflow.PlanStep]) -> String {
  steps.enumerated().map { i, step in
    "\(step.done ? "[x]" : "[ ]") \(i + 1). \(step.title)\n       \(step.step.commandLine)"
  }.joined(separator: "\n")
}

/// What `upgrade status` reports.
public struct UpgradeStatus: Encodable {
  public var role: String
  public var state: String
  public var done: [WorkflowTransition]
  public var left: [PlanStepShown]
  public var next: PlanStepShown?
}

/// `upgrade status`: current state, what was done and when, what is left.
public struct UpgradeStatusCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the workflow state, what was done (with times) and what is left."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let machine = try instance.workflow()
    let history = try instance.store().workflowHistory()
    let left = machine.plan().filter { !$0.done }
    var lines = ["This is the \(machine.role.rawValue) appliance; state: \(machine.state.rawValue)"]
    lines.append(history.isEmpty ? "Done: nothing yet" : "Done:")
    lines += history.map { "  \($0.at)  \($0.from) -> \($0.to)  (\($0.command), \($0.user))" }
    lines.append(left.isEmpty ? "Left: nothing" : "Left:")
    lines += left.map { "  [ ] \($0.title): \($0.step.commandLine)" }
    if let next = machine.nextStep() { lines.append("Next: \(next.step.commandLine)") }
    return Rendered(
      UpgradeStatus(
        role: machine.role.rawValue, state: machine.state.rawValue, done: history,
        left: left.map(PlanStepShown.init), next: machine.nextStep().map(PlanStepShown.init)),
      text: lines.joined(separator: "\n"))
  }
}

/// `upgrade plan`: the whole checklist for this appliance's role.
public struct UpgradePlanCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Show the whole upgrade checklist for this appliance, with each step's command."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let machine = try instance.workflow()
    let steps = machine.plan()
    let header =
      "Upgrade plan for the \(machine.role.rawValue) appliance (state \(machine.state.rawValue)):"
    var text = header + "\n" + planText(steps)
    // A clustered appliance: the seed's cluster path follows (text only; the JSON is the
    // workflow's own checklist).
    if (try? instance.isClustered()) == true {
      text +=
        "\n\nThis appliance is (or was) a cluster node. Cluster path:\n"
        + Instance.clusterUpgradeSteps.enumerated().map { "  C\($0.offset + 1). \($0.element)" }
        .joined(separator: "\n")
    }
    return Rendered(steps.map(PlanStepShown.init), text: text)
  }
}
