/// One word of a command line, after quotes and escapes were removed.
public struct Word: Equatable, Sendable {
  /// The word's text.
  public var text: String
  /// 1-based column (in characters) where the word starts, on its physical line.
  public var column: Int
  /// Whether any part of it was quoted or escaped (so `#`, `;` and `?` in it were literal).
  public var quoted: Bool

  public init(_ text: String, column: Int, quoted: Bool = false) {
    self.text = text
    self.column = column
    self.quoted = quoted
  }
}

/// A lexing error, with the place it points at.
public struct LexError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  /// 1-based column (in characters) on the physical line `line`.
  public var column: Int
  /// 1-based physical line of the text lexed (a continued line spans several).
  public var line: Int

  public init(message: String, column: Int, line: Int = 1) {
    self.message = message
    self.column = column
    self.line = line
  }

  public var description: String {
    (line > 1 ? "line \(line), " : "") + "column \(column): \(message)"
  }
}

/// Splits a command line into commands and words, with POSIX-shell-like quoting.
///
/// Single quotes keep everything literal; double quotes keep all but `\"`, `\\`, `\$`,
/// `` \` `` and a backslash-newline; a backslash outside quotes escapes the next character;
/// `#` at the start of a word begins a comment; `;` separates commands; a backslash at the
/// very end asks for a continuation line.
public struct Lexer {
  /// Where the end of the input left the lexer (for completion and continuation).
  public enum Tail: Equatable, Sendable {
    /// Between words, or in an unquoted word.
    case plain
    /// Inside single or double quotes that were not closed, opened at this column of this
    /// physical line (both 1-based).
    case inQuote(Character, column: Int, line: Int)
    /// Right after a backslash that escapes nothing yet.
    case backslash
    /// Inside a comment.
    case comment
  }

  /// The result of lexing, tolerant of an unfinished end.
  public struct Result: Equatable, Sendable {
    /// The commands, each a list of words; empty commands are dropped.
    public var commands: [[Word]]
    /// Whether the input ended in the middle of a word (no separator after it).
    public var endsInWord: Bool
    /// The state at the end of the input.
    public var tail: Tail
  }

  /// Lexes a complete line: unfinished quotes are errors, a trailing backslash is dropped.
  public static func split(_ line: String) throws -> [[Word]] {
    let result = scan(line)
    if case .inQuote(let quote, let column, let line) = result.tail {
      let name = quote == "'" ? "single" : "double"
      throw LexError(message: "unterminated \(name) quote", column: column, line: line)
    }
    return result.commands
  }

  /// Whether a physical line asks for the next one to be joined to it (ends in an escaping `\`).
  public static func needsContinuation(_ line: String) -> Bool {
    // Only a line whose last character is `\` can continue: skip lexing every other line.
    line.utf8.last == UInt8(ascii: "\\") && scan(line).tail == .backslash
  }

  /// Lexes as far as the input goes, never failing (completion works on unfinished lines).
  public static func scan(_ line: String) -> Result {
    var commands: [[Word]] = []
    var words: [Word] = []
    var current = ""
    var inWord = false
    var quoted = false
    var start = 0
    var tail = Tail.plain
    // Columns count from 1 on each physical line: a new line starts after every "\n".
    var column = 0
    var lineNumber = 1
    var newLineNext = false

    func endWord() {
      if inWord { words.append(Word(current, column: start, quoted: quoted)) }
      current = ""
      inWord = false
      quoted = false
    }
    func endCommand() {
      endWord()
      if !words.isEmpty { commands.append(words) }
      words = []
    }
    func beginWord() {
      if !inWord {
        inWord = true
        start = column
      }
    }

    var chars = line.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
      if let p = pending {
        pending = nil
        return p
      }
      return chars.next()
    }

    loop: while let c = next() {
      if newLineNext {
        lineNumber += 1
        column = 0
        newLineNext = false
      }
      column += 1
      if c == "\n" { newLineNext = true }
      switch tail {
      case .comment:
        if c == "\n" {
          tail = .plain
          endCommand()
        }
      case .backslash:
        tail = .plain
        if c == "\n" { continue loop }  // line continuation
        if !inWord {
          inWord = true
          start = column - 1
        }
        quoted = true
        current.append(c)
      case .inQuote("'", _, _):
        if c == "'" { tail = .plain } else { current.append(c) }
      case .inQuote:
        if c == "\"" {
          tail = .plain
        } else if c == "\\" {
          guard let n = next() else {
            current.append(c)
            break loop
          }
          column += 1
          if n == "\n" {
            newLineNext = true
            continue loop
          }
          if !"\"\\$`".contains(n) { current.append(c) }
          current.append(n)
        } else {
          current.append(c)
        }
      case .plain:
        switch c {
        case " ", "\t", "\r":
          endWord()
        case "\n", ";":
          endCommand()
        case "#" where !inWord:
          tail = .comment
        case "'", "\"":
          beginWord()
          quoted = true
          tail = .inQuote(c, column: column, line: lineNumber)
        case "\\":
          tail = .backslash
        default:
          beginWord()
          current.append(c)
        }
      }
    }
    let endsInWord = inWord
    if tail != .comment || inWord { endWord() }
    if !words.isEmpty { commands.append(words) }
    return Result(commands: commands, endsInWord: endsInWord, tail: tail)
  }
}
