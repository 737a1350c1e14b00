import ArgumentParser
import Foundation

/// The command tree, read from the command types themselves: names, abstracts, arguments.
///
/// Names come cheaply from each type's `configuration`; arguments and their completion
/// kinds come from swift-argument-parser's tool-info model, decoded once on first use.
public final class CommandCatalog: @unchecked Sendable {
  /// One command or command group.
  public final class Node: @unchecked Sendable {
    public let name: String
    public let aliases: [String]
    public let abstract: String
    public let type: any ParsableCommand.Type
    public let children: [Node]
    /// Whether the command is shown in lists (hidden helpers are not).
    public let isVisible: Bool
    public weak var parent: Node?
    fileprivate var info: ToolInfo.Command?
    fileprivate weak var catalog: CommandCatalog?

    init(type: any ParsableCommand.Type, name: String? = nil) {
      let config = type.configuration
      self.type = type
      self.name = name ?? type._commandName
      self.aliases = config.aliases
      self.abstract = config.abstract
      self.isVisible = config.shouldDisplay
      self.children = config.subcommands.map { Node(type: $0) }
      for child in children { child.parent = self }
    }

    /// The words from the root to this node, root excluded: `["show", "version"]`.
    public var path: [String] {
      var words: [String] = []
      var node: Node? = self
      while let n = node, n.parent != nil {
        words.insert(n.name, at: 0)
        node = n.parent
      }
      return words
    }

    /// A group has subcommands and does nothing on its own.
    public var isGroup: Bool { !children.isEmpty }

    /// The child named (or aliased) exactly `word`.
    public func child(named word: String) -> Node? {
      children.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// The arguments, options and flags of this command (from the tool-info model).
    public var arguments: [ToolInfo.Argument] {
      catalog?.loadInfo()
      return info?.arguments ?? []
    }
  }

  /// The root command (`trsh`).
  public let root: Node
  private var infoLoaded = false
  private let infoLock = NSLock()

  public init(root type: any ParsableCommand.Type) {
    root = Node(type: type)
    func adopt(_ node: Node) {
      node.catalog = self
      node.children.forEach(adopt)
    }
    adopt(root)
  }

  /// Every command node, depth first, root excluded.
  public var allNodes: [Node] {
    var out: [Node] = []
    func walk(_ node: Node) {
      for child in node.children {
        out.append(child)
        walk(child)
      }
    }
    walk(root)
    return out
  }

  /// Finds the node for a path of exact command words.
  public func node(for path: [String]) -> Node? {
    var node = root
    for word in path {
      guard let next = node.child(named: word) else { return nil }
      node = next
    }
    return node
  }

  /// Decodes the tool-info model now (e.g. on a background thread when an interactive session
  /// starts), so the first Tab does not pay for it.
  public func preload() { loadInfo() }

  fileprivate func loadInfo() {
    // Callers on other threads wait here until the model is attached.
    infoLock.lock()
    defer { infoLock.unlock() }
    if infoLoaded { return }
    infoLoaded = true
    let json = root.type._dumpHelp()
    guard let tool = try? JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)) else { return }
    func attach(_ node: Node, _ info: ToolInfo.Command) {
      node.info = info
      for child in node.children {
        if let match = info.subcommands?.first(where: { $0.commandName == child.name }) {
          attach(child, match)
        }
      }
    }
    attach(root, tool.command)
  }
}
