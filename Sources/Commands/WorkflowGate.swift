import Appliance

/// Runs every command under the upgrade workflow: check its action against the workflow
/// table, execute it, then record the event the table gives its outcome.
public struct WorkflowGate {
  let context: CommandContext

  public init(_ context: CommandContext) { self.context = context }

  /// Check, act, record; a refusal throws (exit 3) before the command runs.
  public func run(_ command: any ShellCommand) throws -> any CommandResult {
    let action = command.workflowAction
    try context.check(action)
    context.gatedAction = action
    let result = try command.execute(in: context)
    // Looking and help record nothing: spare them building the table (one-shot `show`).
    switch action {
    case .show, .help: return result
    default: break
    }
    // An operation that records as it runs (crash safety) has done so through the recorder.
    if WorkflowTable.entry(for: action).recordedBy == .gate {
      try context.record(result.workflowOutcome, of: action)
    }
    return result
  }
}
