import ArgumentParser

/// `find WORD`: searches every command's name and abstract.
public struct FindCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "find", abstract: "Search every command's name and description for a word."
  ).inShell

  @Argument(help: "The word to look for (case does not matter).")
  var word: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let needle = word.lowercased()
    let hits = context.catalog.allNodes.filter { node in
      node.isVisible
        && (node.path.joined(separator: " ").lowercased().contains(needle)
          || node.abstract.lowercased().contains(needle))
    }
    return Table(
      columns: ["Command", "Description"],
      rows: hits.map { [$0.path.joined(separator: " "), $0.abstract] },
      emptyText: "no command mentions '\(word)'")
  }
}
