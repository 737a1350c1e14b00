extension WorkflowTable {
  /// The entries by action kind.
  private static let byKind = Dictionary(uniqueKeysWithValues: entries.map { ($0.action, $0) })

  /// The entry of `action`'s kind (the table has one for every kind; a test checks it).
  public static func entry(for action: WorkflowAction) -> Entry {
    guard let entry = byKind[action.kind] else {
      preconditionFailure("the workflow table has no entry for \(action.kind)")
    }
    return entry
  }

  /// The row that decides `action` in `workflow`: the first that applies. Every entry ends in
  /// rows without conditions covering each role's states, so one always does (a test checks it).
  public static func row(for action: WorkflowAction, in workflow: Workflow) -> Row {
    guard let row = entry(for: action).rows.first(where: { $0.applies(to: action, in: workflow) })
    else {
      preconditionFailure("the workflow table has no row for \(action) in \(workflow.state)")
    }
    return row
  }

  /// The event a success of `action` records for `outcome` (nil: none), before the entry's
  /// `recordedWhen` is checked: enough to skip opening the workflow when it is nil.
  public static func event(for action: WorkflowAction, outcome: WorkflowOutcome) -> WorkflowEvent? {
    entry(for: action).records.event(for: outcome)
  }

  /// The event a success of `action` records for `outcome` in `workflow` (nil: none).
  public static func event(
    for action: WorkflowAction, outcome: WorkflowOutcome, in workflow: Workflow
  ) -> WorkflowEvent? {
    let entry = entry(for: action)
    if let condition = entry.recordedWhen, !condition.holds(in: workflow, for: action) {
      return nil
    }
    return entry.records.event(for: outcome)
  }
}
