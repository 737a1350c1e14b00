extension WorkflowTable {
  /// A row's condition beyond role and state: a fact of the workflow or an argument of the action.
  public enum Condition: Sendable, Equatable, CaseIterable {
    /// The action was given `--force`.
    case forced
    /// `backup create` found alert sources enabled.
    case sourcesEnabled
    /// The restore left encrypted fields unreadable and they are not all re-entered yet.
    case unreadableFields
    /// Services are restarting after a Master Secret upload.
    case servicesRestarting
    /// No Master Secret was uploaded.
    case secretMissing
    /// No backup was uploaded.
    case backupMissing

    /// Whether the condition holds for `action` in `workflow`.
    public func holds(in workflow: Workflow, for action: WorkflowAction) -> Bool {
      switch self {
      case .forced: action.isForced
      case .sourcesEnabled:
        if case .backupCreate(_, let enabled) = action { enabled } else { false }
      case .unreadableFields: workflow.hasUnreadableFields
      case .servicesRestarting: workflow.servicesRestarting
      case .secretMissing: !workflow.secretUploaded
      case .backupMissing: !workflow.backupUploaded
      }
    }
  }
}
