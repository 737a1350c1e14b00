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
    let scan = Lexer.scan(text)
    let inQuote: Bool
    if case .inQuote = scan.tail { inQuote = true } else { inQuote = false }
    // A separator (';' or a new line) after the last command starts a fresh one.
    let lastCommandClosed = text.last.map { $0 == ";" || $0 == "\n" } ?? true
    var words =
      (lastCommandClosed && !scan.endsInWord) ? [] : (scan.commands.last ?? []).map(\.text)
    if scan.tail == .comment && !scan.endsInWord {
      return Completion(prefix: "", candidates: [], inQuote: false)
    }
    let prefix = scan.endsInWord ? (words.popLast() ?? "") : ""
    let all = candidates(after: words, prefix: prefix)
    let matching = all.filter { $0.value.hasPrefix(prefix) }
    return Completion(prefix: prefix, candidates: matching, inQuote: inQuote)
  }

  /// Every candidate for the word after `words` (unfiltered by prefix, except file listings).
  public func candidates(after words: [String], prefix: String) -> [Candidate] {
    // Walk command words; an ambiguous or unknown one leaves nothing to offer.
    var node = catalog.root
    var index = 0
    while index < words.count, node.isGroup {
      switch catalog.match(words[index], in: node) {
      case .exact(let child), .unique(let child): node = child
      default: return []
      }
      index += 1
    }
    if node.isGroup {
      return node.children.filter(\.isVisible).map { Candidate($0.name, help: $0.abstract) }
        .sorted { $0.value < $1.value }
    }
    return argumentCandidates(node: node, arguments: Array(words[index...]), prefix: prefix)
  }

  private func argumentCandidates(node: CommandCatalog.Node, arguments: [String], prefix: String)
    -> [Candidate]
  {
    let specs = node.arguments
    let options = specs.filter { $0.kind != .positional && $0.shouldDisplay }
    func option(_ word: String) -> ToolInfo.Argument? {
      options.first { $0.spellings.contains(word) }
    }
    // Which options were used, and how many positional values were given.
    var used = Set<String>()
    var positionalCount = 0
    var expectingValueOf: ToolInfo.Argument?
    var afterTerminator = false
    for word in arguments {
      if let pending = expectingValueOf {
        _ = pending
        expectingValueOf = nil
        continue
      }
      if !afterTerminator && word == "--" {
        afterTerminator = true
        continue
      }
      if !afterTerminator, word.hasPrefix("-"), word.count > 1 {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        if let opt = option(name) {
          used.insert(opt.spellings.first ?? name)
          if opt.kind == .option && !word.contains("=") { expectingValueOf = opt }
        }
        continue
      }
      positionalCount += 1
    }
    if let opt = expectingValueOf {
      let name = (opt.preferredName ?? opt.names?.first)?.spelled ?? ""
      return values(
        of: opt, prefix: prefix, asking: .init(node: node, name: name, typed: arguments))
    }
    var out: [Candidate] = []
    if prefix.hasPrefix("-") && !afterTerminator {
      for opt in options where opt.isRepeating || !used.contains(opt.spellings.first ?? "") {
        guard let long = opt.spellings.first else { continue }
        out.append(Candidate(long, help: opt.abstract ?? "", isFinal: true))
      }
      return out.sorted { $0.value < $1.value }
    }
    // argument-parser numbers positionals among all of them, hidden ones included.
    let positionals = specs.filter { $0.kind == .positional }.enumerated()
    var remaining = positionalCount
    for (index, spec) in positionals where spec.shouldDisplay {
      if spec.isRepeating || remaining == 0 {
        return values(
          of: spec, prefix: prefix,
          asking: .init(node: node, name: "positional@\(index)", typed: arguments))
      }
      remaining -= 1
    }
    return []
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
  public func values(of spec: ToolInfo.Argument, prefix: String, asking place: ArgumentPlace?)
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
