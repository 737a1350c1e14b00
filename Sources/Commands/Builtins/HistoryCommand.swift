import ArgumentParser

/// `history [N]`: the admin's recent command lines.
public struct HistoryCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "history", abstract: "Show the last N command lines (all by default)."
  ).inShell

  @Argument(help: "How many lines to show.")
  var count: Int?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    if let count, count < 0 { throw ValidationError("N must be 0 or more") }
  }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let lines = context.history()
    let shown = count.map { Array(lines.suffix($0)) } ?? lines
    let first = lines.count - shown.count + 1
    return Table(
      columns: ["#", "Command"],
      rows: shown.enumerated().map { [String(first + $0.offset), $0.element] },
      emptyText: "(no history)")
  }
}
