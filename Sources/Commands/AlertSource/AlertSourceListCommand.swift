import Appliance
import ArgumentParser

/// `alert-source list`: every alert source and whether it is polled.
public struct AlertSourceListCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the alert sources (credentials only as set/readable)."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let sources = try context.instance().alertSourceInfos()
    let table = Table(
      columns: alertSourceColumns, rows: sources.map(alertSourceRow), emptyText: "no alert sources")
    return Rendered(sources, text: table.text)
  }
}

/// `alert-source show NAME`: one alert source.
public struct AlertSourceShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one alert source."
  ).inShell

  @Argument(help: "The alert source's name.", completion: .provider("alert-sources"))
  var name: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let s = try context.instance().alertSourceInfo(named: name)
    let row = alertSourceRow(s)
    return Rendered(s, text: Fields(zip(alertSourceColumns, row).map { ($0, $1) }).text)
  }
}
