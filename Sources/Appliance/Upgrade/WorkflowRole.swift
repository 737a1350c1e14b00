/// Which side of an upgrade an instance is on: the 3.x/4.x appliance being replaced, or the fresh 5.x one.
public enum WorkflowRole: String, Sendable, Codable, Equatable, CaseIterable {
  /// The 3.x/4.x appliance being upgraded away from.
  case old
  /// The fresh 5.x appliance the data moves to.
  case new

  /// The role of an instance of this appliance version: anything before 5 is legacy, hence `old`.
  ///
  /// A restored 5.x appliance could one day be the old side of a later upgrade; that is
  /// deliberately not modelled yet, so every 5.x instance is `new`.
  public init(applianceVersion: String) {
    let major = Int(applianceVersion.prefix { $0.isNumber }) ?? 5
    self = major < 5 ? .old : .new
  }

  /// The states this role can reach, in the order the upgrade goes through them.
  public var states: [WorkflowState] {
    switch self {
    case .old: [.live, .sourcesDisabled, .backedUp, .decommissioned]
    case .new:
      [
        .fresh, .secretUploaded, .backupUploaded, .uploaded, .restoring, .restored,
        .restoredInconsistent, .licensed, .settingsCopied, .live,
      ]
    }
  }
}
