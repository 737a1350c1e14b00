import Appliance

/// The outcome of reading the command words at the start of a line.
public struct ResolvedCommand {
  /// The command node reached.
  public var node: CommandCatalog.Node
  /// The full command words (abbreviations expanded).
  public var path: [String]
  /// The words after the command words: its arguments.
  public var arguments: [String]
}

extension CommandCatalog {
  /// Expands unique prefixes of command words (`sh ver` is `show version`).
  ///
  /// Fails with a usage error that lists the candidates of an ambiguous prefix, or
  /// suggests the nearest commands for an unknown word.
  public func resolve(_ words: [String]) throws -> ResolvedCommand {
    var node = root
    var path: [String] = []
    var index = 0
    while index < words.count, node.isGroup {
      let word = words[index]
      if word.hasPrefix("-") { break }
      switch match(word, in: node) {
      case .exact(let child), .unique(let child):
        node = child
        path.append(child.name)
      case .ambiguous(let names):
        throw ApplianceError.usage(
          "'\(word)' is ambiguous\(where_(path)): it could be \(names.joined(separator: ", "))")
      case .none where node.defaultChild != nil:
        // `restore FILE`: a word that is no subcommand goes to the group's default one.
        return ResolvedCommand(
          node: node.defaultChild!, path: path, arguments: Array(words[index...]))
      case .none:
        let near = suggestions(for: word, in: node)
        let hint =
          near.isEmpty ? "; try 'help'" : ". Did you mean: \(near.joined(separator: ", "))?"
        throw ApplianceError.usage(
          "unknown command '\((path + [word]).joined(separator: " "))'\(hint)")
      }
      index += 1
    }
    if let child = node.defaultChild { node = child }
    return ResolvedCommand(node: node, path: path, arguments: Array(words[index...]))
  }

  private func where_(_ path: [String]) -> String {
    path.isEmpty ? "" : " after '\(path.joined(separator: " "))'"
  }

  /// How a word matches the children of a node.
  public enum Match {
    case exact(Node)
    case unique(Node)
    case ambiguous([String])
    case none
  }

  /// Matches one word against the visible children of a node (hidden ones only exactly).
  public func match(_ word: String, in node: Node) -> Match {
    if let exact = node.child(named: word) { return .exact(exact) }
    let candidates = node.children.filter { $0.isVisible && $0.name.hasPrefix(word) }
    switch candidates.count {
    case 0: return .none
    case 1: return .unique(candidates[0])
    default: return .ambiguous(candidates.map(\.name))
    }
  }

  /// The visible children whose names are near `word` (edit distance, or a shared prefix).
  public func suggestions(for word: String, in node: Node) -> [String] {
    let names: [String] = node.children.filter { $0.isVisible }.map { $0.name }
    let limit = max(1, min(2, word.count / 3))
    let stem = String(word.prefix(2))
    var scored: [(name: String, distance: Int)] = []
    for name in names {
      let distance = EditDistance.between(word, name)
      let sharesStem = word.count >= 3 && name.hasPrefix(stem) && distance <= 3
      if distance <= limit || sharesStem { scored.append((name, distance)) }
    }
    scored.sort { $0.distance == $1.distance ? $0.name < $1.name : $0.distance < $1.distance }
    return scored.prefix(3).map { $0.name }
  }
}

/// Damerau–Levenshtein (optimal string alignment) distance, for "did you mean".
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}

extension CommandCatalog.Node {
  /// The child a group runs when no subcommand is named (`restore` runs `restore run`).
  public var defaultChild: CommandCatalog.Node? {
    guard let type = self.type.configuration.defaultSubcommand else { return nil }
    return children.first { ObjectIdentifier($0.type) == ObjectIdentifier(type) }
  }
}
