import Commands

/// The list `?` prints: what may come next at the cursor, each with one line of help.
public enum HelpLister {
  /// Renders the entries in two columns (value, help), then what Enter would do.
  public static func render(_ listing: HelpListing, columns: Int = 80) -> String {
    let width = min(28, (listing.entries.map(\.value.count).max() ?? 0) + 2)
    var lines = listing.entries.map { c in
      let name = c.value.count >= width ? c.value + "  " : c.value.padded(to: width)
      let line = "  " + name + c.help
      return line.count > columns ? String(line.prefix(columns - 1)) + "…" : line
    }
    switch listing.verdict {
    case .runnable: lines.append("  <Enter> to run the command")
    case .incomplete(let what): lines.append("  % incomplete: \(what)")
    case .unknownWord(let word): lines.append("  % unknown word '\(word)'")
    case .ambiguous(let word, let names):
      lines.append("  % ambiguous word '\(word)': \(names.joined(separator: ", "))")
    case .noMatch(let prefix): lines.append("  (no match for '\(prefix)')")
    case .none: break
    }
    return lines.joined(separator: "\n")
  }

  /// Candidates laid out in columns, as a second Tab lists them.
  public static func grid(_ values: [String], columns: Int = 80) -> String {
    let width = (values.map(\.count).max() ?? 0) + 2
    let perLine = max(1, columns / max(width, 1))
    var lines: [String] = []
    var row = ""
    for (i, v) in values.enumerated() {
      row +=
        (i % perLine == perLine - 1) ? v : v.padded(to: width)
      if i % perLine == perLine - 1 {
        lines.append(row)
        row = ""
      }
    }
    if !row.isEmpty { lines.append(row.trimmingTrailingSpaces()) }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
