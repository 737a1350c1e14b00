import Commands

/// Where the command words of a line lead: a group still awaiting a subcommand, a command with
/// its argument words, or a word that names no command.
enum CommandPosition {
  /// The words so far name a group (`show`); a subcommand comes next.
  case group(CommandCatalog.Node)
  /// The words name a command; the rest are its arguments.
  case command(CommandCatalog.Node, arguments: [String])
  /// This word names no subcommand of the group reached.
  case unknown(String)
  /// This word abbreviates several subcommands.
  case ambiguous(String, [String])

  /// Walks command words as the session resolves them (unique prefixes, a group's default
  /// subcommand taking words that name no subcommand).
  init(words: [String], catalog: CommandCatalog) {
    var node = catalog.root
    var index = 0
    while index < words.count, node.isGroup {
      let word = words[index]
      if word.hasPrefix("-"), let child = node.defaultChild {
        self = .command(child, arguments: Array(words[index...]))
        return
      }
      switch catalog.match(word, in: node) {
      case .exact(let child), .unique(let child): node = child
      case .ambiguous(let names):
        self = .ambiguous(word, names)
        return
      case .none:
        if let child = node.defaultChild {
          self = .command(child, arguments: Array(words[index...]))
        } else {
          self = .unknown(word)
        }
        return
      }
      index += 1
    }
    self = node.isGroup ? .group(node) : .command(node, arguments: Array(words[index...]))
  }
}
