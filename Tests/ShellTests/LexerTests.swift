import TestSupport
import Testing

@testable import Shell

@Suite(.engines) struct LexerTests {
  func texts(_ line: String) throws -> [[String]] {
    try Lexer.split(line).map { $0.map(\.text) }
  }

  @Test func plainWordsAndSpaces() throws {
    #expect(try texts("show   version") == [["show", "version"]])
    #expect(try texts("  echo a\tb  ") == [["echo", "a", "b"]])
    #expect(try texts("") == [])
  }

  @Test func singleQuotesKeepEverything() throws {
    #expect(
      try texts(#"echo 'a b' 'it''s' '\n' '#x;y'"#) == [["echo", "a b", "its", #"\n"#, "#x;y"]])
  }

  @Test func doubleQuotesAndTheirEscapes() throws {
    #expect(
      try texts(#"echo "a \"b\" c" "x\ny" "\\" "$""#) == [
        ["echo", #"a "b" c"#, #"x\ny"#, "\\", "$"]
      ])
  }

  @Test func backslashOutsideQuotes() throws {
    #expect(try texts(##"echo a\ b \#c d\;e"##) == [["echo", "a b", "#c", "d;e"]])
  }

  @Test func emptyQuotedWordIsAWord() throws {
    #expect(try texts("echo '' \"\"") == [["echo", "", ""]])
  }

  @Test func commentsAndSeparators() throws {
    #expect(try texts("echo a # the rest; is gone") == [["echo", "a"]])
    #expect(try texts("echo a#b") == [["echo", "a#b"]])
    #expect(try texts("# only a comment") == [])
    #expect(
      try texts("show version; echo hi ;; echo 'a;b'") == [
        ["show", "version"], ["echo", "hi"], ["echo", "a;b"],
      ])
  }

  @Test func continuation() throws {
    #expect(Lexer.needsContinuation(#"echo a \"#))
    #expect(!Lexer.needsContinuation(#"echo a \\"#))
    #expect(!Lexer.needsContinuation(#"echo 'a \'"#))
    #expect(try texts("echo a \\\nb") == [["echo", "a", "b"]])
    #expect(try texts("ec\\\nho x") == [["echo", "x"]])
    #expect(try texts("echo \"x\\\ny\"") == [["echo", "xy"]])
  }

  @Test func errorsPointAtTheColumn() {
    #expect(throws: LexError(message: "unterminated double quote", column: 6)) {
      try Lexer.split(#"echo "abc"#)
    }
    #expect(throws: LexError(message: "unterminated single quote", column: 10)) {
      try Lexer.split("echo abc 'd")
    }
  }

  @Test func anUnterminatedQuoteIsPlacedOnItsOwnPhysicalLine() {
    // After a continued line, the column counts from the start of the quote's line.
    #expect(throws: LexError(message: "unterminated double quote", column: 6, line: 2)) {
      try Lexer.split("echo a \\\necho \"open")
    }
    #expect(throws: LexError(message: "unterminated single quote", column: 3, line: 3)) {
      try Lexer.split("echo a \\\nb \\\nc 'd")
    }
    // Escapes before it on the same line are counted as typed.
    #expect(throws: LexError(message: "unterminated double quote", column: 13)) {
      try Lexer.split(#"echo "a\"b" "c"#)
    }
    #expect(LexError(message: "m", column: 2, line: 3).description == "line 3, column 2: m")
    #expect(LexError(message: "m", column: 2).description == "column 2: m")
  }

  @Test func wordColumnsCountFromTheirOwnLine() throws {
    let words = try Lexer.split("echo a \\\n  bb")[0]
    #expect(words.map(\.column) == [1, 6, 3])
  }

  @Test func columnsAndQuotedFlag() throws {
    let words = try Lexer.split(#"echo  'a' b"#)[0]
    #expect(words.map(\.column) == [1, 7, 11])
    #expect(words.map(\.quoted) == [false, true, false])
  }

  @Test func utf8() throws {
    #expect(try texts("echo héllo 'wörld ✓'") == [["echo", "héllo", "wörld ✓"]])
  }

  @Test func scanToleratesAnOpenQuote() {
    let result = Lexer.scan("echo 'ab")
    #expect(result.commands.last?.last?.text == "ab")
    #expect(result.endsInWord)
    if case .inQuote(let q, let column, let line) = result.tail {
      #expect(line == 1)
      #expect(q == "'")
      #expect(column == 6)
    } else {
      Issue.record("expected an open quote, got \(result.tail)")
    }
  }
}
