/// The words of the command left of the cursor, and the partial word at the cursor.
struct CursorWords {
  /// The complete words of the command the cursor is in.
  var words: [String]
  /// The partial word at the cursor (unquoted text), or empty between words.
  var prefix: String
  /// Whether the partial word sits in an open quote (so insertions need no escaping).
  var inQuote: Bool

  /// Nil when the cursor is in a comment, where nothing completes.
  init?(_ text: String) {
    let scan = Lexer.scan(text)
    if scan.tail == .comment && !scan.endsInWord { return nil }
    if case .inQuote = scan.tail { inQuote = true } else { inQuote = false }
    // A separator (';' or a new line) after the last command starts a fresh one.
    let lastCommandClosed = text.last.map { $0 == ";" || $0 == "\n" } ?? true
    words = (lastCommandClosed && !scan.endsInWord) ? [] : (scan.commands.last ?? []).map(\.text)
    prefix = scan.endsInWord ? (words.popLast() ?? "") : ""
  }
}
