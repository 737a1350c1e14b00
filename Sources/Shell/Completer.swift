import Commands
import Foundation

/// One thing that may come next on a line, with its one-line help.
public struct Candidate: Equatable, Sendable {
  /// The text to insert (for a directory, ends in `/`).
  public var value: String
  /// One-line help, or empty.
  public var help: String
  /// Whether a space should follow when it is the only match.
  public var isFinal: Bool

  public init(_ value: String, help: String = "", isFinal: Bool = true) {
    self.value = value
    self.help = help
    self.isFinal = isFinal
  }
}

/// What may complete the word at the cursor.
public struct Completion: Equatable, Sendable {
  /// The partial word being completed (unquoted text).
  public var prefix: String
  /// The candidates that start with `prefix`, sorted.
  public var candidates: [Candidate]
  /// Whether the partial word sits in an open quote (so insertions need no escaping).
  public var inQuote: Bool

  /// The longest text every candidate starts with.
  public var commonPrefix: String {
    guard var common = candidates.first?.value else { return prefix }
    for c in candidates.dropFirst() {
      while !c.value.hasPrefix(common) { common.removeLast() }
    }
    return common
  }
}

/// Computes completion candidates from the command model (names, options, values, files, providers).
public struct Completer {
  public let catalog: CommandCatalog
  /// Where value providers look: the session's instance.
  public let providerContext: ProviderContext
  /// The directory relative file paths are completed in.
  public var workingDirectory: String

  public init(
    catalog: CommandCatalog, providerContext: ProviderContext,
    workingDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.catalog = catalog
    self.providerContext = providerContext
    self.workingDirectory = workingDirectory
  }

  /// The candidates for the word at the end of `text` (the text left of the cursor).
  public func complete(_ text: String) -> Completion {
    guard let cursor = CursorWords(text) else {
      return Completion(prefix: "", candidates: [], inQuote: false)
    }
    let all = candidates(after: cursor.words, prefix: cursor.prefix)
    let matching = all.filter { $0.value.hasPrefix(cursor.prefix) }
    return Completion(prefix: cursor.prefix, candidates: matching, inQuote: cursor.inQuote)
  }

  /// Every candidate for the word after `words` (unfiltered by prefix, except file listings).
  public func candidates(after words: [String], prefix: String) -> [Candidate] {
    switch CommandPosition(words: words, catalog: catalog) {
    case .unknown, .ambiguous:
      return []
    case .group(let node):
      // `restore FILE`: a group with a default subcommand also takes that one's arguments.
      let own = node.defaultChild.map {
        argumentCandidates(
          ArgumentWalk(specs: $0.arguments, arguments: []), node: $0, arguments: [],
          prefix: prefix)
      }
      return subcommands(of: node) + (own ?? [])
    case .command(let node, let arguments):
      return argumentCandidates(
        ArgumentWalk(specs: node.arguments, arguments: arguments), node: node,
        arguments: arguments, prefix: prefix)
    }
  }

  /// The visible subcommands of a group, with their abstracts, sorted.
  func subcommands(of node: CommandCatalog.Node) -> [Candidate] {
    node.children.filter(\.isVisible).map { Candidate($0.name, help: $0.abstract) }
      .sorted { $0.value < $1.value }
  }

  private func argumentCandidates(
    _ walk: ArgumentWalk, node: CommandCatalog.Node, arguments: [String], prefix: String
  ) -> [Candidate] {
    if let opt = walk.awaitingValueOf {
      let name = (opt.preferredName ?? opt.names?.first)?.spelled ?? ""
      return values(
        of: opt, prefix: prefix, asking: .init(node: node, name: name, typed: arguments))
    }
    if prefix.hasPrefix("-") && !walk.afterTerminator { return options(walk) }
    // argument-parser numbers positionals among all of them, hidden ones included.
    guard let index = walk.nextPositionalIndex else { return [] }
    return values(
      of: walk.positionals[index], prefix: prefix,
      asking: .init(node: node, name: "positional@\(index)", typed: arguments))
  }

  /// The options and flags that may still be given, sorted: every long spelling (both of
  /// `--validate-encryption/--no-validate-encryption`), else the short one.
  func options(_ walk: ArgumentWalk) -> [Candidate] {
    walk.unusedOptions.flatMap { opt in
      let long = opt.spellings.filter { $0.hasPrefix("--") }
      return (long.isEmpty ? Array(opt.spellings.prefix(1)) : long).map {
        Candidate($0, help: opt.abstract ?? "")
      }
    }.sorted { $0.value < $1.value }
  }

  /// Where an argument sits, for asking argument-parser to run its custom completion.
  public struct ArgumentPlace {
    /// The command the argument belongs to.
    public var node: CommandCatalog.Node
    /// `positional@N` or the option's spelling (`--secret`).
    public var name: String
    /// The command's words typed before the one being completed.
    public var typed: [String]
  }

  /// The values an argument or option may take; a custom completion (a value provider) needs
  /// to know where the argument sits.
  public func values(
    of spec: ToolInfo.Argument, prefix: String, asking place: ArgumentPlace? = nil
  )
    -> [Candidate]
  {
    let help = spec.abstract ?? ""
    switch spec.completionKind {
    case .file(let extensions)?:
      return files(prefix: prefix, extensions: extensions, directoriesOnly: false)
    case .directory?:
      return files(prefix: prefix, extensions: [], directoriesOnly: true)
    case .custom?:
      guard let place else { return [] }
      return customValues(place, prefix: prefix).sorted().map { Candidate($0, help: help) }
    default:
      if let fixed = spec.fixedValues {
        return fixed.map { Candidate($0, help: spec.allValueDescriptions?[$0] ?? "") }
      }
      return []
    }
  }

  /// Asks argument-parser for the argument's values as the bash, zsh and fish scripts do, on a
  /// line that names the session's instance.
  private func customValues(_ place: ArgumentPlace, prefix: String) -> [String] {
    let instance = CompletionWords.quoted(providerContext.instancePath.path)
    let words = ["trsh", "--instance", instance] + place.node.path + place.typed + [prefix]
    return CompletionRequest.values(
      CompletionRequest.arguments(path: place.node.path, argument: place.name, words: words),
      root: catalog.root.type)
  }

  /// File names under the directory part of `prefix` (directories end in `/`).
  public func files(prefix: String, extensions: [String], directoriesOnly: Bool) -> [Candidate] {
    let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst(1) : prefix
    let slash = expanded.lastIndex(of: "/")
    let dirPart = slash.map { String(expanded[...$0]) } ?? ""
    let shownDir = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
    let base = dirPart.hasPrefix("/") ? dirPart : workingDirectory + "/" + dirPart
    let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
    var out: [Candidate] = []
    for name in names where name.hasPrefix(namePrefix) {
      if name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
      var isDir: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: base + name, isDirectory: &isDir)
      if isDir.boolValue {
        out.append(Candidate(shownDir + name + "/", isFinal: false))
      } else if !directoriesOnly {
        if !extensions.isEmpty && !extensions.contains(where: { name.hasSuffix("." + $0) }) {
          continue
        }
        out.append(Candidate(shownDir + name))
      }
    }
    return out.sorted { $0.value < $1.value }
  }
}
