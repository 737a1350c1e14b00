import Appliance
import ArgumentParser

/// A command the shell can run: parse with swift-argument-parser, act, return a value to render.
///
/// Adding a command is writing one type that conforms to this protocol and listing it in
/// its group's `subcommands`. The shell, `--help`, `?`, Tab and the generated completion
/// scripts and man page all read the same definition.
public protocol ShellCommand: ParsableCommand {
  /// Output options every command accepts (`--json`).
  var output: OutputOptions { get }

  /// What the command does in upgrade-workflow terms; the shell asks the workflow before running it.
  var workflowAction: WorkflowAction { get }

  /// Does the work and returns what to show; throws `ApplianceError` on failure.
  func execute(in context: CommandContext) throws -> any CommandResult
}

/// Commands that only read (show, list, help) need no workflow permission.
public protocol ReadOnlyCommand: ShellCommand {}

extension ReadOnlyCommand {
  public var workflowAction: WorkflowAction { .show }
}

extension ShellCommand {
  /// The shell calls `execute(in:)`; `run()` is never used.
  public mutating func run() throws {
    throw ApplianceError.failed("\(Self._commandName) must be run from trsh")
  }
}

/// Options shared by every command.
public struct OutputOptions: ParsableArguments, Sendable {
  @Flag(name: .long, help: "Print the result (or the error) as JSON.")
  public var json = false

  public init() {}
}

/// The `--yes` flag of commands that ask for confirmation.
public struct ConfirmOptions: ParsableArguments, Sendable {
  @Flag(name: [.customLong("yes"), .customShort("y")], help: "Do not ask for confirmation.")
  public var yes = false

  public init() {}
}
