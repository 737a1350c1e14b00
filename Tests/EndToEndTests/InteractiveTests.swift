import Foundation
import TestSupport
import Testing

/// Interactive behaviour in a real terminal (a tmux pane).
@Suite(.serialized, .engines, .enabled(if: Tmux.available)) struct InteractiveTests {
  let home = TempDir()

  func start() throws -> Tmux {
    let env =
      "HOME=\(home.path) XDG_STATE_HOME=\(home.file("state")) XDG_DATA_HOME=\(home.file("data")) TERM=xterm LANG=C.UTF-8"
    let t = try Tmux("cd \(home.path) && env \(env) \(Binaries.trsh)")
    try t.waitFor(")>")
    return t
  }

  @Test func tabCompletesAUniquePrefix() throws {
    let t = try start()
    try t.type("sh")
    try t.press("Tab")
    try t.type("ver")
    try t.press("Tab")
    // tmux trims trailing blanks: type on to see that Tab added the space.
    try t.type("--json")
    try t.waitFor("show version --json")
    try t.press("Enter")
    let screen = try t.waitFor("\"trsh\"")
    #expect(screen.contains("show version --json"))
  }

  @Test func doubleTabListsCandidates() throws {
    let t = try start()
    try t.type("e")
    try t.press("Tab")
    try t.press("Tab")
    let screen = try t.wait { $0.contains("echo") && $0.contains("exit") }
    #expect(screen.contains("echo"))
    #expect(screen.contains("exit"))
  }

  @Test func questionMarkShowsHelpAndKeepsTheLine() throws {
    let t = try start()
    try t.type("show ?")
    let screen = try t.waitFor("Show the trsh version")
    #expect(screen.contains("version"))
    try t.type("version")
    try t.press("Enter")
    try t.waitFor("trsh:")
    // A '?' inside quotes is literal.
    try t.type("echo 'a?b'")
    try t.press("Enter")
    try t.waitFor("a?b")
  }

  @Test func tabOffersOptionValuesAndQuestionMarkSaysWhatIsExpected() throws {
    let t = try start()
    try t.type("instance create X --version ")
    try t.press("Tab")
    try t.press("Tab")
    try t.require("4.6  5.x")
    try t.type("?")
    let screen = try t.require("<version>")
    #expect(screen.contains("The appliance version"))
    #expect(!screen.contains("<Enter>"))
    try t.press("C-u")
    try t.type("instance create ?")
    try t.require("% incomplete: missing <directory>")
    try t.press("C-u")
    try t.type("show version bogus ?")
    try t.require("% unknown word 'bogus'")
  }

  @Test func resizingMidLineRedrawsItForTheNewWidth() throws {
    let t = try start()
    let prompt = Tmux.lastLine(try t.screen()) + " "
    let line = "echo alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"
    try t.type(line)
    try t.require("lima mike")
    // Narrower: the line now takes two rows; editing it must keep the screen in step.
    try resize(t, columns: 60)
    try t.press("C-a")
    try t.press("M-f")
    try t.press("M-f")
    try t.type("X")
    let edited = prompt + line.replacingOccurrences(of: "alpha", with: "alphaX")
    let screen = try t.require("the edited line in rows of 60") {
      $0.hasPrefix(Self.rows(edited, width: 60))
    }
    #expect(try t.cursor() == (prompt.count + "echo alphaX".count, 0), "\(screen)")
    try t.press("Enter")
    try t.require("alphaX bravo charlie delta echo foxtrot")
  }

  @Test func resizingAtTheBottomOfAFullScreenKeepsTheLineInStep() throws {
    let t = try start()
    let prompt = Tmux.lastLine(try t.screen()) + " "
    try t.tmux(["resize-window", "-t", t.session, "-x", "60", "-y", "12"])
    try t.type("help")
    try t.press("Enter")
    try t.require("('sh ver')")
    let line = "echo alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"
    try t.type(line)
    try t.require("lima mike")
    for columns in [120, 45, 77] {
      try resize(t, columns: columns)
      let screen = try t.require("the line in rows of \(columns) at the bottom") {
        $0.hasSuffix(Self.rows(prompt + line, width: columns))
      }
      let end = (prompt + line).count
      #expect(try t.cursor() == (end % columns, 11), "\(screen)")
    }
    try t.press("C-a")
    try t.press("M-f")
    try t.type("Q")
    let edited = prompt + line.replacingOccurrences(of: "echo alpha", with: "echoQ alpha")
    try t.require("the edited line in rows of 77") { $0.hasSuffix(Self.rows(edited, width: 77)) }
    #expect(try t.cursor() == (prompt.count + "echoQ".count, 10))
  }

  private func resize(_ t: Tmux, columns: Int) throws {
    try t.tmux(["resize-window", "-t", t.session, "-x", String(columns)])
    try t.require("the pane \(columns) columns wide") { _ in (try? t.width()) == columns }
  }

  /// Text as a terminal of `width` columns shows it, rows joined by new lines.
  static func rows(_ text: String, width: Int) -> String {
    var rows: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      // tmux trims trailing blanks of each row.
      var row = String(rest.prefix(width))
      while row.hasSuffix(" ") { row.removeLast() }
      rows.append(row)
      rest = rest.dropFirst(width)
    }
    return rows.joined(separator: "\n") + "\n"
  }

  @Test func theUnterminatedQuoteCaretPointsAtTheOpeningQuote() throws {
    let t = try start()
    try t.type(#"echo "abc"#)
    try t.press("Enter")
    var screen = try t.require("unterminated double quote")
    #expect(try Self.caretColumn(screen, under: #"echo "abc"#, quote: "\"") != nil, "\(screen)")
    // On a continued line the caret goes under the quote on that line.
    try t.type(#"echo a \"#)
    try t.press("Enter")
    try t.type("b 'cd")
    try t.press("Enter")
    screen = try t.require("unterminated single quote")
    #expect(try Self.caretColumn(screen, under: "> b 'cd", quote: "'") != nil, "\(screen)")
  }

  /// The caret's column when the row after the one ending in `input` has its `^` right under
  /// the quote of `input`.
  static func caretColumn(_ screen: String, under input: String, quote: Character) throws -> Int? {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let row = rows.lastIndex(where: { $0.hasSuffix(input) }), row + 1 < rows.count,
      let quoteAt = rows[row].lastIndex(of: quote), let caretAt = rows[row + 1].firstIndex(of: "^")
    else { return nil }
    let column = rows[row].distance(from: rows[row].startIndex, to: quoteAt)
    return rows[row + 1].distance(from: rows[row + 1].startIndex, to: caretAt) == column
      ? column : nil
  }

  @Test func upRecallsAndHistorySurvivesARestart() throws {
    do {
      let t = try start()
      try t.type("echo first-line")
      try t.press("Enter")
      try t.waitFor("first-line", count: 2)
      try t.press("Up")
      try t.press("Enter")
      try t.waitFor("first-line", count: 4)
      try t.press("C-d")
      #expect(try t.exitStatus() == 0)
    }
    let history = try String(contentsOfFile: home.file("state") + "/trsh/history", encoding: .utf8)
    #expect(history.contains("echo first-line"))
    let t = try start()
    try t.press("Up")
    try t.waitFor("echo first-line")
  }

  @Test func ctrlCClearsTheLineAndTheShellStays() throws {
    let t = try start()
    try t.type("echo not-run")
    try t.press("C-c")
    try t.waitFor(")>", count: 2)
    try t.type("echo after-ctrl-c")
    try t.press("Enter")
    let screen = try t.waitFor("after-ctrl-c", count: 2)
    #expect(!screen.contains("\nnot-run"))
    try t.press("C-d")
    #expect(try t.exitStatus() == 0)
  }

  @Test func ctrlDExitsZeroAndUTF8RoundTrips() throws {
    let t = try start()
    try t.type("echo Grüße ✓")
    try t.press("Enter")
    try t.waitFor("Grüße ✓", count: 2)
    try t.type("exit 3")
    try t.press("Enter")
    #expect(try t.exitStatus() == 3)
  }

  @Test func ctrlROnAnEmptyLineThenCtrlDExits() throws {
    let t = try start()
    try t.type("echo searchable")
    try t.press("Enter")
    try t.waitFor("searchable", count: 2)
    try t.press("C-r")
    try t.type("search")
    try t.press("Enter")
    // The recalled command line and its output: four occurrences in all.
    try t.waitFor("searchable", count: 4)
    try t.waitFor(")>", count: 3)
    try t.press("C-d")
    #expect(try t.exitStatus() == 0)
  }

  @Test func ctrlCCancelsARunningCommandAndTheShellStays() throws {
    let t = try start()
    let target = home.file("big")
    try t.type("instance create \(target) --sample-data 2000000 --seed 1")
    try t.press("Enter")
    // The progress bar shows the command is running; then Ctrl-C.
    try t.waitFor("%", timeout: 60)
    try t.press("C-c")
    let screen = try t.waitFor("interrupted", timeout: 60)
    #expect(screen.contains("interrupted"))
    try t.waitFor(")>", count: 2)
    #expect(!FileManager.default.fileExists(atPath: target))
    try t.type("echo still-here")
    try t.press("Enter")
    try t.waitFor("still-here", count: 2)
  }

  @Test func theProgressBarFitsANarrowWindowAndLeavesNoStaleLines() throws {
    let t = try start()
    try resize(t, columns: 40)
    try t.type("instance create \(home.file("big")) --sample-data 2000000 --seed 1")
    try t.press("Enter")
    try t.require("%", timeout: 60)
    // Several redraws later there is still one progress line, whole on its row.
    usleep(1_500_000)
    let screen = try t.screen()
    let bars = screen.split(separator: "\n").filter { $0.contains("incidents") }
    #expect(bars.count == 1, "\(screen)")
    #expect(bars.first?.contains("%") == true, "\(screen)")
    #expect(bars.first?.contains("[") == true, "\(screen)")
    try t.press("C-c")
    let after = try t.require("interrupted", timeout: 60)
    #expect(!after.contains("incidents"), "\(after)")
  }

  @Test func theShellEndsWhenItsTerminalDisappears() throws {
    let pidFile = home.file("trsh.pid")
    let env =
      "HOME=\(home.path) XDG_STATE_HOME=\(home.file("state")) XDG_DATA_HOME=\(home.file("data")) TERM=xterm LANG=C.UTF-8"
    let t = try Tmux(
      "cd \(home.path) && echo $$ > \(pidFile) && exec setsid -w env \(env) \(Binaries.trsh)")
    try t.require(")>")
    let pid = try #require(
      Int32(
        try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    // In a session of its own (setsid) the pane is not trsh's controlling terminal, so no
    // SIGHUP comes when it vanishes; only the failing reads tell. The terminal vanishes as
    // when an ssh connection drops: the tmux server dies at once.
    let server = try #require(
      Int32(
        t.tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    )
    kill(server, SIGKILL)
    let deadline = Date().addingTimeInterval(20)
    while kill(pid, 0) == 0, Date() < deadline { usleep(50_000) }
    let gone = kill(pid, 0) != 0
    if !gone { kill(pid, SIGKILL) }
    #expect(gone, "trsh kept running after its terminal went away")
  }
}
