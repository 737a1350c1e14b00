import Appliance
import ArgumentParser

/// `cluster verify`: both nodes hold the same data (table digests equal).
public struct ClusterVerifyCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that both nodes hold the same data (row counts and table digests).",
    discussion: "The other node is reached through its instance directory (same machine)."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let check = try context.instance().verifyClusterData()
    guard check.synchronized else {
      throw ApplianceError.validation(
        "the nodes differ in \(check.different.count) of \(check.tables) tables: "
          + check.different.joined(separator: ", "))
    }
    return Rendered(
      check, text: "synchronized: \(check.tables) tables equal on both nodes (peer \(check.peer))")
  }
}
