import Appliance
import ArgumentParser

/// `overcast ca set|clear`: an extra CA bundle trusted for Overcast, besides the system roots.
public struct OvercastCACommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ca", abstract: "Set or clear an extra CA bundle for Overcast.",
    subcommands: [OvercastCASetCommand.self, OvercastCAClearCommand.self])

  public init() {}
}

/// `overcast ca set FILE`: copies the PEM file into the instance.
public struct OvercastCASetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Trust the CA certificates of a PEM file (copied into the instance)."
  ).inShell

  @Argument(help: "A PEM file of CA certificates.", completion: .file())
  var file: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let count = try context.instance().setOvercastCA(from: file, cancel: context.cancellation)
    return Message(
      "Overcast CA bundle set: \(count) certificate\(count == 1 ? "" : "s") from \(file)")
  }
}

/// `overcast ca clear`.
public struct OvercastCAClearCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "clear", abstract: "Trust only the system's CA certificates for Overcast."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let cleared = try context.instance().clearOvercastCA()
    return Message(cleared ? "Overcast CA bundle cleared" : "no Overcast CA bundle was set")
  }
}
