extension WorkflowTable {
  /// A row's role/state column: the appliances and states the row applies to.
  public struct Scope: Sendable, Equatable {
    /// Nil: both roles.
    public var role: WorkflowRole?
    /// Nil: every state of the role.
    public var states: Set<WorkflowState>?

    public init(role: WorkflowRole?, states: Set<WorkflowState>?) {
      self.role = role
      self.states = states
    }

    /// Whether an instance of `role` in `state` is in this scope.
    public func contains(_ role: WorkflowRole, _ state: WorkflowState) -> Bool {
      (self.role == nil || self.role == role) && (states?.contains(state) ?? true)
    }

    public static let anywhere = Scope(role: nil, states: nil)
    public static let old = Scope(role: .old, states: nil)
    public static let new = Scope(role: .new, states: nil)

    public static func old(_ states: WorkflowState...) -> Scope {
      Scope(role: .old, states: Set(states))
    }

    public static func new(_ states: WorkflowState...) -> Scope {
      Scope(role: .new, states: Set(states))
    }

    /// The new appliance before its backup is restored (the uploads).
    public static let beforeRestore = new(.fresh, .secretUploaded, .backupUploaded, .uploaded)
    /// The new appliance once its backup is restored.
    public static let afterRestore = new(
      .restored, .restoredInconsistent, .licensed, .settingsCopied, .live)
    public static let restoring = new(.restoring)
    public static let decommissioned = old(.decommissioned)
  }
}
