import Appliance

/// A plan step as `upgrade plan|status|next` show it: its step spelled as a command line.
public struct PlanStepShown: Encodable, Equatable {
  public var title: String
  public var command: String
  public var done: Bool
  public var needsInput: Bool

  public init(_ step: Workflow.PlanStep) {
    title = step.title
    command = step.step.commandLine
    done = step.done
    needsInput = step.needsInput
  }
}
