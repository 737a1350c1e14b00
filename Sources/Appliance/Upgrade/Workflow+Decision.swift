extension Workflow {
  /// The workflow's answer to an action: go ahead, go ahead after showing a warning, or refuse.
  public enum Decision: Sendable, Codable, Equatable {
    case allow
    case allowWithWarning(WorkflowTable.Warning)
    case refuse(Refusal)

    public var isAllowed: Bool {
      if case .refuse = self { return false }
      return true
    }

    public var warning: WorkflowTable.Warning? {
      if case .allowWithWarning(let warning) = self { return warning }
      return nil
    }

    public var refusal: Refusal? {
      if case .refuse(let refusal) = self { return refusal }
      return nil
    }
  }
}
