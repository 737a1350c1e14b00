import Commands

extension Completer {
  /// What `?` lists for the text left of the cursor: the next words (a command's options too,
  /// without a `-` typed first), `<placeholders>` for values to type, and whether Enter would
  /// run the line, and if not why.
  public func help(_ text: String) -> HelpListing {
    guard let cursor = CursorWords(text) else { return HelpListing(entries: [], verdict: .none) }
    let prefix = cursor.prefix
    switch CommandPosition(words: cursor.words, catalog: catalog) {
    case .unknown(let word):
      return HelpListing(entries: [], verdict: .unknownWord(word))
    case .ambiguous(let word, let names):
      return HelpListing(entries: [], verdict: .ambiguous(word, names))
    case .group(let node):
      var entries = subcommands(of: node).filter { $0.value.hasPrefix(prefix) }
      // `restore FILE`: the default subcommand's arguments are expected here too.
      let own = node.defaultChild.map {
        argumentHelp(ArgumentWalk(specs: $0.arguments, arguments: []), prefix: prefix)
      }
      entries += own?.entries ?? []
      if !prefix.isEmpty {
        return HelpListing(entries: entries, verdict: entries.isEmpty ? .noMatch(prefix) : .none)
      }
      if let own { return HelpListing(entries: entries, verdict: own.verdict) }
      let needs =
        node === catalog.root
        ? HelpListing.Verdict.none
        : .incomplete(
          "'\(node.path.joined(separator: " "))' needs a subcommand")
      return HelpListing(entries: entries, verdict: needs)
    case .command(let node, let arguments):
      return argumentHelp(ArgumentWalk(specs: node.arguments, arguments: arguments), prefix: prefix)
    }
  }

  private func argumentHelp(_ walk: ArgumentWalk, prefix: String) -> HelpListing {
    if let bad = walk.unknownWord { return HelpListing(entries: [], verdict: .unknownWord(bad)) }
    if let opt = walk.awaitingValueOf { return valueHelp(opt, prefix: prefix) }
    if prefix.hasPrefix("-") && !walk.afterTerminator {
      let entries = options(walk).filter { $0.value.hasPrefix(prefix) }
      return HelpListing(entries: entries, verdict: entries.isEmpty ? .noMatch(prefix) : .none)
    }
    guard let next = walk.nextPositional else {
      // The command takes no more words: what is typed here would be rejected.
      if !prefix.isEmpty { return HelpListing(entries: [], verdict: .unknownWord(prefix)) }
      return HelpListing(entries: options(walk), verdict: verdict(walk))
    }
    if !prefix.isEmpty { return valueHelp(next, prefix: prefix) }
    let entries = valueHelp(next, prefix: "").entries + options(walk)
    return HelpListing(entries: entries, verdict: verdict(walk))
  }

  private func verdict(_ walk: ArgumentWalk) -> HelpListing.Verdict {
    let missing = walk.missing
    return missing.isEmpty ? .runnable : .incomplete("missing \(missing.joined(separator: ", "))")
  }

  /// The value an argument or option expects: its `<placeholder>` and the values it may take
  /// (files are left to Tab), or those that start with the partial word.
  private func valueHelp(_ spec: ToolInfo.Argument, prefix: String) -> HelpListing {
    let placeholder = Candidate(spec.placeholder, help: spec.abstract ?? "")
    let takesFiles: Bool
    switch spec.completionKind {
    case .file?, .directory?: takesFiles = true
    default: takesFiles = false
    }
    if prefix.isEmpty {
      return HelpListing(
        entries: [placeholder] + (takesFiles ? [] : values(of: spec, prefix: "")), verdict: .none)
    }
    let matching = values(of: spec, prefix: prefix).filter { $0.value.hasPrefix(prefix) }
    if !matching.isEmpty { return HelpListing(entries: matching, verdict: .none) }
    // A value from a known set that matches none of it is refused, or at least suspect; a new
    // file name or a free value is just being typed.
    let closedSet = !takesFiles && !values(of: spec, prefix: "").isEmpty
    return closedSet
      ? HelpListing(entries: [], verdict: .noMatch(prefix))
      : HelpListing(entries: [placeholder], verdict: .none)
  }
}
