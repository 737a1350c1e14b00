import Appliance
import ArgumentParser

/// `help [COMMAND...]`: the command list, or one command's full help.
public struct HelpCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "help", abstract: "List the commands, or show the full help of one command."
  ).inShell

  @Argument(help: "The command (abbreviations allowed), e.g. 'show version'.")
  var command: [String] = []

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let catalog = context.catalog
    let resolved = try catalog.resolve(command)
    if !resolved.arguments.isEmpty {
      throw ApplianceError.usage(
        "'\(resolved.arguments[0])' is not a subcommand of '\((["trsh"] + resolved.path).joined(separator: " "))'"
      )
    }
    let node = resolved.node
    if node.parent == nil {
      return HelpOverview(
        commands: node.children.filter(\.isVisible).map {
          .init(name: $0.name, abstract: $0.abstract)
        })
    }
    var text = catalog.root.type.helpMessage(for: node.type, columns: 100)
    // `help restore` reaches the group's default subcommand (`restore run`), whose help
    // never names the group's other subcommands: list them.
    if let group = node.parent, group.defaultChild === node, resolved.path.count < node.path.count {
      let subcommands = group.children.filter(\.isVisible)
      let width = (subcommands.map(\.name.count).max() ?? 0) + 12
      text += "\nSUBCOMMANDS of '\(group.path.joined(separator: " "))':\n"
      for child in subcommands {
        let name = child.name + (child === node ? " (default)" : "")
        text += "  " + name.padded(to: width) + child.abstract + "\n"
      }
    }
    return CommandHelp(command: node.path.joined(separator: " "), help: text)
  }
}

/// The overview `help` prints with no argument.
public struct HelpOverview: CommandResult {
  /// One listed command.
  public struct Entry: Encodable {
    public var name: String
    public var abstract: String
  }
  public var commands: [Entry]

  public var text: String {
    let width = (commands.map(\.name.count).max() ?? 0) + 2
    var lines = ["Commands:"]
    lines += commands.map {
      "  " + $0.name.padded(to: width) + $0.abstract
    }
    lines += [
      "",
      "Type 'help COMMAND' for a command's options, '?' anywhere for what may come next,",
      "Tab to complete. Command words may be abbreviated to a unique prefix ('sh ver').",
    ]
    return lines.joined(separator: "\n")
  }
}

/// One command's full help text.
public struct CommandHelp: CommandResult {
  public var command: String
  public var help: String
  public var text: String { help.hasSuffix("\n") ? String(help.dropLast()) : help }
}
