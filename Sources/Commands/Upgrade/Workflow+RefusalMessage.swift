import Appliance

extension Workflow.Refusal {
  /// What to do next, spelled: `secret upload FILE`, `settings copy on the new appliance`.
  public var unblock: String {
    next.commandLine + (nextOn.map { " on the \($0.rawValue) appliance" } ?? "")
  }

  /// The one-line message shown to the admin (exit code 3).
  public var message: String {
    "refused in state '\(state.rawValue)': \(reason.text); next: \(unblock)"
  }
}
