import Appliance
import ArgumentParser

/// `alert-source enable NAME...|--all`: start polling.
public struct AlertSourceEnableCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "enable", abstract: "Enable alert sources (by name, or --all)."
  ).inShell

  @Argument(help: "The alert sources to enable.", completion: .provider("alert-sources"))
  var names: [String] = []

  @Flag(help: "Enable every alert source.")
  var all = false

  @Flag(help: "Enable even where the workflow advises against it (unreadable credentials).")
  var force = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws { try validateSelection(names: names, all: all) }

  public var workflowAction: WorkflowAction { .enableSources(force: force) }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let changes = try context.instance().setAlertSources(enabled: true, names: all ? nil : names)
    return changesResult(changes, verb: "enabled")
  }
}

/// `alert-source disable NAME...|--all`: stop polling (before a backup, always).
public struct AlertSourceDisableCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "disable", abstract: "Disable alert sources (by name, or --all)."
  ).inShell

  @Argument(help: "The alert sources to disable.", completion: .provider("alert-sources"))
  var names: [String] = []

  @Flag(help: "Disable every alert source.")
  var all = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws { try validateSelection(names: names, all: all) }

  public var workflowAction: WorkflowAction { .disableSources }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let changes = try instance.setAlertSources(enabled: false, names: all ? nil : names)
    let noneLeft = try !instance.alertSourceInfos().contains { $0.enabled }
    return changesResult(changes, verb: "disabled", outcome: .sourcesDisabled(noneLeft: noneLeft))
  }
}

func validateSelection(names: [String], all: Bool) throws {
  if all && !names.isEmpty { throw ValidationError("give alert source names or --all, not both") }
  if !all && names.isEmpty { throw ValidationError("name the alert sources, or use --all") }
}

func changesResult(
  _ changes: [AlertSourceChange], verb: String, outcome: WorkflowOutcome = .done
) -> any CommandResult {
  let lines = changes.map { $0.changed ? "\($0.name): \(verb)" : "\($0.name): already \(verb)" }
  return Rendered(
    changes, text: lines.isEmpty ? "no alert sources" : lines.joined(separator: "\n"),
    outcome: outcome)
}
