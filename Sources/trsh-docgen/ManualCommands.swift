import Commands

/// The parts of the manual read from the command model: synopses, option lists, COMMANDS.
struct ManualCommands {
  let catalog: CommandCatalog

  /// The commands a user can run, depth first, hidden helpers left out.
  var leaves: [CommandCatalog.Node] {
    catalog.allNodes.filter { node in
      !node.isGroup && node.isVisibleAlongPath
    }
  }

  /// The visible top-level commands, in the order `help` lists them.
  var topLevel: [CommandCatalog.Node] {
    catalog.root.children.filter(\.isVisible)
  }

  /// Options every command accepts: listed once instead of under each command.
  var commonOptions: [ToolInfo.Argument] {
    let all = leaves.map { $0.arguments.filter(\.isDocumented) }
    guard let first = all.first else { return [] }
    return first.filter { option in
      option.kind != .positional
        && all.allSatisfy { arguments in
          arguments.contains { $0.spellings == option.spellings }
        }
    }
  }

  /// The `.Sh COMMANDS` section.
  var section: String {
    let common = commonOptions
    let commonSpellings = Set(common.map(\.spellings))
    var lines = [".Sh COMMANDS"]
    lines.append(
      Mdoc.paragraphs(
        """
        The same commands are typed at the interactive prompt, written one per line in a batch \
        file, or given as arguments for a one-shot run. \
        Any unique prefix of a command word is accepted.
        """))
    if !common.isEmpty {
      lines.append("Every command accepts:")
      lines.append(optionList(common))
    }
    for top in topLevel {
      lines.append(".Ss \(Mdoc.argument(top.name))")
      // A group's own text introduces its subcommands; a command's text goes with its synopsis.
      if top.isGroup {
        lines.append(describe(top))
      }
      let commands = top.isGroup ? leaves.filter { $0.path.first == top.name } : [top]
      guard !commands.isEmpty else { continue }
      lines.append(".Bl -tag -width Ds")
      for command in commands {
        lines.append(".It Xo")
        lines.append(".Cm \(command.path.map(Mdoc.argument).joined(separator: " "))")
        lines.append(contentsOf: synopsis(of: command.arguments, skipping: commonSpellings))
        lines.append(".Xc")
        lines.append(describe(command))
        let documented = command.arguments.filter {
          $0.isDocumented && !commonSpellings.contains($0.spellings)
        }
        if !documented.isEmpty {
          lines.append(optionList(documented))
        }
      }
      lines.append(".El")
    }
    return lines.joined(separator: "\n")
  }

  /// A command's abstract and discussion as text paragraphs.
  func describe(_ node: CommandCatalog.Node) -> String {
    let abstract = node.abstract.isEmpty ? "No description." : node.abstract
    let discussion = node.type.configuration.discussion
    if discussion.isEmpty { return Mdoc.paragraphs(abstract) }
    return Mdoc.paragraphs(abstract) + "\n.Pp\n" + Mdoc.paragraphs(discussion)
  }

  /// Synopsis macro lines (`.Op Fl -all`, `.Ar file`) for a command's arguments.
  func synopsis(of arguments: [ToolInfo.Argument], skipping: Set<[String]> = []) -> [String] {
    arguments.filter { $0.isDocumented && !skipping.contains($0.spellings) }.map { argument in
      let body = argument.synopsisMacros
      return argument.isOptional ? ".Op \(body)" : ".\(body)"
    }
  }

  /// A tag list describing each argument.
  func optionList(_ arguments: [ToolInfo.Argument]) -> String {
    var lines = [".Bl -tag -width Ds"]
    for argument in arguments {
      lines.append(".It \(argument.headMacros)")
      var description = argument.abstract ?? ""
      if let values = argument.fixedValues, !values.isEmpty, argument.kind != .flag {
        description +=
          (description.isEmpty ? "" : " ") + "One of: \(values.joined(separator: ", "))."
      }
      if argument.kind == .option, let value = argument.defaultValue, !value.isEmpty {
        description += (description.isEmpty ? "" : " ") + "Default: \(value)."
      }
      lines.append(Mdoc.paragraphs(description.isEmpty ? "No description." : description))
    }
    lines.append(".El")
    return lines.joined(separator: "\n")
  }
}

extension CommandCatalog.Node {
  /// Whether this command and every group above it are shown in lists.
  var isVisibleAlongPath: Bool {
    var node: CommandCatalog.Node? = self
    while let current = node, current.parent != nil {
      if !current.isVisible { return false }
      node = current.parent
    }
    return true
  }
}

extension ToolInfo.Argument {
  /// Shown in the manual: visible, and not the `--help` flag every command has nor the root's
  /// `--version` flag (an option named `--version`, as `instance create` has, is shown).
  var isDocumented: Bool {
    guard shouldDisplay else { return false }
    let longNames = (names ?? []).filter { $0.kind != "short" }.map(\.name)
    return !(kind == .flag && (longNames.contains("help") || longNames.contains("version")))
  }

  /// `Fl -output Ar file` (preferred name only), `Ar names ...`.
  var synopsisMacros: String {
    let value = Mdoc.argument(valueName ?? "value")
    let dots = isRepeating ? " ..." : ""
    switch kind {
    case .positional:
      return "Ar \(value)\(dots)"
    case .flag:
      return "Fl \(Self.flagMacroName(preferredName ?? names?.first))"
    case .option:
      return "Fl \(Self.flagMacroName(preferredName ?? names?.first)) Ar \(value)\(dots)"
    }
  }

  /// `Fl y , Fl -yes`, `Fl -output Ar file`, `Ar names ...`: every spelling, for a tag list head.
  var headMacros: String {
    let value = Mdoc.argument(valueName ?? "value")
    let dots = isRepeating ? " ..." : ""
    if kind == .positional { return "Ar \(value)\(dots)" }
    let sorted = (names ?? []).sorted { a, b in a.kind == "short" && b.kind != "short" }
    let spelled = sorted.map { "Fl \(Self.flagMacroName($0))" }.joined(separator: " , ")
    return kind == .option ? "\(spelled) Ar \(value)\(dots)" : spelled
  }

  /// The argument of `Fl`, which itself prints one dash: `-output` for `--output`, `f` for `-f`.
  static func flagMacroName(_ name: Name?) -> String {
    guard let name else { return "" }
    return Mdoc.argument(name.kind == "long" ? "-" + name.name : name.name)
  }
}
