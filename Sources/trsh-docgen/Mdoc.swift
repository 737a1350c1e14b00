import Foundation

/// Escaping and small building blocks for mdoc(7) source text.
enum Mdoc {
  /// Text for a text line (not a macro line): backslashes escaped, no leading control character.
  static func text(_ string: String) -> String {
    string.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var out = line.trimmingTrailingSpaces.replacingOccurrences(of: "\\", with: "\\e")
      // A line starting with '.' or '\'' would be read as a request or macro.
      if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
      return out
    }.joined(separator: "\n")
  }

  /// Text made of paragraphs separated by blank lines, as `.Pp`-separated text lines.
  static func paragraphs(_ string: String) -> String {
    string.components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
      .map { paragraph in
        // Blank lines are not allowed in fill mode; each source line stays a text line.
        text(
          newSentenceNewLine(
            paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
              .joined(separator: "\n")))
      }
      .joined(separator: "\n.Pp\n")
  }

  /// Starts each sentence on a new source line, as mdoc(7) wants (and mandoc lint checks).
  static func newSentenceNewLine(_ string: String) -> String {
    string.replacingOccurrences(
      of: #"([.!?][)'"]*) +(?=\S)"#, with: "$1\n", options: .regularExpression)
  }

  /// One argument of a macro line: quoted when it holds blanks, with quotes and backslashes escaped.
  static func argument(_ string: String) -> String {
    let escaped = string.replacingOccurrences(of: "\\", with: "\\e")
      .replacingOccurrences(of: "\"", with: "\\(dq")
    return escaped.contains(" ") || escaped.isEmpty ? "\"\(escaped)\"" : escaped
  }

  /// Lines shown as they are (a `.Bd -literal` display).
  static func literal(_ string: String) -> String {
    var body = string
    while body.hasSuffix("\n") { body.removeLast() }
    return ".Bd -literal -offset indent\n" + text(body) + "\n.Ed"
  }
}

extension StringProtocol {
  fileprivate var trimmingTrailingSpaces: String {
    var s = String(self)
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
