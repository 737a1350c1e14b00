extension WorkflowTable {
  /// A row's decision column: allow, allow after a warning, or refuse naming what to do next.
  public enum Verdict: Sendable, Equatable {
    case allow
    case warn(Warning)
    case refuse(Reason, next: Next)
  }
}
