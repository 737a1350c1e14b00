import Appliance
import ArgumentParser

/// `restore status`: the outcome of the last restore.
public struct RestoreStatusCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show the outcome of the last restore."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    guard let report = try context.instance().lastRestore() else {
      return NoRestoreYet()
    }
    return Rendered(report, text: restoreText(report, heading: "last restore"))
  }
}
