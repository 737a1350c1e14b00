import Appliance
import ArgumentParser

/// `show version`: versions of trsh and of the appliance.
public struct ShowVersionCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Show the trsh version and the appliance's version and schema."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let info = try context.instance().versionInfo()
    return Fields([
      ("trsh", TrshCommand.version), ("appliance", info.applianceVersion),
      ("schema", String(info.schemaVersion)),
    ])
  }
}
