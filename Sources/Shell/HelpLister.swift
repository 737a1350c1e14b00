import Commands

/// The list `?` prints: what may come next at the cursor, each with one line of help.
public enum HelpLister {
  /// Renders candidates in two columns (value, help), or a note when nothing may follow.
  public static func render(_ completion: Completion, columns: Int = 80) -> String {
    if completion.candidates.isEmpty {
      return completion.prefix.isEmpty
        ? "  <Enter> to run the command" : "  (no match for '\(completion.prefix)')"
    }
    let width = min(28, (completion.candidates.map(\.value.count).max() ?? 0) + 2)
    return completion.candidates.map { c in
      let name =
        c.value.count >= width
        ? c.value + "  " : c.value.padded(to: width)
      let line = "  " + name + c.help
      return line.count > columns ? String(line.prefix(columns - 1)) + "…" : line
    }.joined(separator: "\n")
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
