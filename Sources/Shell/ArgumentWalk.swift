import Commands

/// Where a command's arguments stand after some words: options used, positionals given, the
/// option still waiting for its value, and the first word the parser would reject.
struct ArgumentWalk {
  /// Every option and flag the command parses, hidden ones too.
  let named: [ToolInfo.Argument]
  /// The options and flags worth listing.
  var visibleNamed: [ToolInfo.Argument] { named.filter(\.shouldDisplay) }
  /// The positional arguments, in order.
  let positionals: [ToolInfo.Argument]
  /// The first spelling of every option or flag given.
  private(set) var used = Set<String>()
  /// How many positional values were given.
  private(set) var positionalCount = 0
  /// The option whose value comes next.
  private(set) var awaitingValueOf: ToolInfo.Argument?
  /// Whether `--` was given (everything after it is positional).
  private(set) var afterTerminator = false
  /// The first word that is no option, value or positional of this command.
  private(set) var unknownWord: String?

  init(specs: [ToolInfo.Argument], arguments: [String]) {
    // The root's --version flag shows up in every command's model, but only the root takes
    // it; a command's own --version option stays (`instance create --version 4.6`).
    named = specs.filter {
      $0.kind != .positional && !($0.kind == .flag && $0.spellings == ["--version"])
    }
    positionals = specs.filter { $0.kind == .positional }
    // Tab stays lenient after a bad word; `?` reports the first one.
    for word in arguments { take(word) }
  }

  private mutating func take(_ word: String) {
    if let pending = awaitingValueOf {
      awaitingValueOf = nil
      check(word, isValueOf: pending)
      return
    }
    if !afterTerminator && word == "--" {
      afterTerminator = true
      return
    }
    if !afterTerminator, word.hasPrefix("-"), word.count > 1 {
      takeOption(word)
      return
    }
    positionalCount += 1
    if nextPositional(skipping: positionalCount - 1) == nil { reject(word) }
  }

  private mutating func takeOption(_ word: String) {
    let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    if let opt = option(name) {
      used.insert(opt.spellings.first ?? name)
      if parts.count == 2 {
        if opt.kind == .option { check(String(parts[1]), isValueOf: opt) } else { reject(word) }
      } else if opt.kind == .option {
        awaitingValueOf = opt
      }
      return
    }
    // `-yq`: short flags written together; the last may be an option taking the next word.
    let letters = Array(word.dropFirst())
    guard !word.hasPrefix("--"), parts.count == 1, letters.count > 1 else {
      reject(word)
      return
    }
    for (i, letter) in letters.enumerated() {
      guard let opt = option("-" + String(letter)),
        opt.kind == .flag || i == letters.count - 1
      else {
        reject(word)
        return
      }
      used.insert(opt.spellings.first ?? word)
      if opt.kind == .option { awaitingValueOf = opt }
    }
  }

  /// A value outside a closed set (an enumeration's cases) is rejected by the parser.
  private mutating func check(_ value: String, isValueOf opt: ToolInfo.Argument) {
    if let closed = opt.allValueStrings, !closed.isEmpty, !closed.contains(value) {
      reject(value)
    }
  }

  private mutating func reject(_ word: String) {
    if unknownWord == nil { unknownWord = word }
  }

  /// The option or flag spelled `name`.
  func option(_ name: String) -> ToolInfo.Argument? {
    named.first { $0.spellings.contains(name) }
  }

  /// The positional that takes the value after `count` positional values, or nil when the
  /// command takes no more.
  func nextPositional(skipping count: Int) -> ToolInfo.Argument? {
    var remaining = count
    for spec in positionals {
      if spec.isRepeating || remaining == 0 { return spec }
      remaining -= 1
    }
    return nil
  }

  /// The positional the next value goes to.
  var nextPositional: ToolInfo.Argument? { nextPositional(skipping: positionalCount) }

  /// The index among `positionals` of the one the next value goes to.
  var nextPositionalIndex: Int? {
    var remaining = positionalCount
    for (index, spec) in positionals.enumerated() {
      if spec.isRepeating || remaining == 0 { return index }
      remaining -= 1
    }
    return nil
  }

  /// The options and flags that may still be given (repeating ones always).
  var unusedOptions: [ToolInfo.Argument] {
    visibleNamed.filter { $0.isRepeating || !used.contains($0.spellings.first ?? "") }
  }

  /// What the command still needs before it can run: required positionals and options.
  var missing: [String] {
    var out: [String] = []
    for (i, spec) in positionals.enumerated() where !spec.isOptional && i >= positionalCount {
      out.append(spec.placeholder)
    }
    for spec in named where spec.kind == .option && !spec.isOptional {
      let name = spec.spellings.first ?? ""
      if !used.contains(name) { out.append(name + " " + spec.placeholder) }
    }
    return out
  }
}

extension ToolInfo.Argument {
  /// How `?` names a value to type: `<directory>`.
  var placeholder: String {
    "<" + (valueName ?? preferredName?.name ?? "value") + ">"
  }
}
