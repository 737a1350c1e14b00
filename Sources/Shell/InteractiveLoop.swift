import Commands
import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive shell: libedit prompt, Tab completion, `?` help, history, Ctrl-C handling.
public final class InteractiveLoop {
  let session: Session
  let history: HistoryStore
  let completer: Completer
  /// The prompt's `host:state`, asked again before every prompt.
  let promptLabel: () -> String
  private var lastTabLine: String?

  public init(
    session: Session, history: HistoryStore, completer: Completer,
    promptLabel: @escaping () -> String
  ) {
    self.session = session
    self.history = history
    self.completer = completer
    self.promptLabel = promptLabel
  }

  /// Runs until `exit`, Ctrl-D or SIGTERM/SIGHUP; returns the exit status.
  public func run() -> Int32 {
    let editor = LineEditor(programName: "trsh")
    editor.setHistory(history.lines)
    editor.onTab = { [unowned self] buffer, editor in self.tab(buffer, editor) }
    editor.onQuestionMark = { [unowned self] buffer, editor in self.help(buffer, editor) }
    session.history = history
    var pending = ""
    var firstPrompt = ""
    while true {
      let prompt = pending.isEmpty ? "trsh(\(promptLabel()))> " : "> "
      if pending.isEmpty { firstPrompt = prompt }
      Signals.clearInterrupt()
      let result = editor.readLine(prompt: prompt)
      if let signo = Signals.termination { return 128 + signo }
      // Once the terminal is gone (its ssh or tmux session closed without a SIGHUP reaching
      // us), every read fails at once: end the shell instead of prompting forever.
      if isatty(0) == 0 { return 128 + SIGHUP }
      switch result {
      case .interrupted:
        // Ctrl-C at the prompt drops the line and any pending continuation.
        pending = ""
        Terminal.writeAll(1, "^C\n")
        continue
      case .endOfInput:
        if Signals.interrupted {
          pending = ""
          Terminal.writeAll(1, "^C\n")
          continue
        }
        Terminal.writeAll(1, "\n")
        return ExitStatus.ok
      case .line(let line):
        if Lexer.needsContinuation(line) {
          pending += line + "\n"
          continue
        }
        let full = pending + line
        pending = ""
        if let status = execute(full, prompt: firstPrompt, editor: editor) { return status }
      }
    }
  }

  /// Runs a full logical line (typed after `prompt`, continued after "> "); returns a status
  /// when the shell must exit.
  private func execute(_ text: String, prompt: String, editor: LineEditor) -> Int32? {
    let flat = text.replacingOccurrences(of: "\\\n", with: "")
    if !flat.trimmingCharacters(in: .whitespaces).isEmpty {
      if history.record(flat) { editor.addHistory(flat) }
    }
    let commands: [[Word]]
    do {
      commands = try Lexer.split(text)
    } catch let error as LexError {
      session.err.line(
        caret(error, in: text, prompt: prompt) + " \(error.message) (column \(error.column))")
      session.err.flush()
      return nil
    } catch {
      return nil
    }
    for words in commands {
      do {
        _ = try session.run(words.map(\.text), origin: .tty)
      } catch let exit as ShellExit {
        return exit.status
      } catch {}
      session.out.flush()
      if let signo = Signals.termination { return 128 + signo }
      if Signals.interrupted { break }  // Ctrl-C cancels the rest of the line too
    }
    return nil
  }

  /// A caret under the place the error points at, as the line stands on the screen: after its
  /// prompt, on the row the terminal wrapped it to.
  func caret(_ error: LexError, in text: String, prompt: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = error.line <= lines.count ? lines[error.line - 1] : ""
    let before = String(line.prefix(max(0, error.column - 1)))
    let offset = DisplayWidth.of(error.line == 1 ? prompt : "> ") + DisplayWidth.of(before)
    return String(repeating: " ", count: offset % max(1, Terminal.columns())) + "^"
  }

  private func tab(_ buffer: LineEditor.Buffer, _ editor: LineEditor) -> LineEditor.KeyAction {
    let completion = completer.complete(buffer.beforeCursor)
    let candidates = completion.candidates
    guard !candidates.isEmpty else { return .beep }
    if candidates.count == 1 {
      let only = candidates[0]
      var insert = escape(
        String(only.value.dropFirst(completion.prefix.count)), inQuote: completion.inQuote)
      if only.isFinal {
        if completion.inQuote, case .inQuote(let q, _, _) = Lexer.scan(buffer.beforeCursor).tail {
          insert.append(q)
        }
        insert += " "
      }
      editor.insert(insert)
      lastTabLine = nil
      return .refresh
    }
    let common = completion.commonPrefix
    if common.count > completion.prefix.count {
      editor.insert(
        escape(String(common.dropFirst(completion.prefix.count)), inQuote: completion.inQuote))
      lastTabLine = nil
      return .refresh
    }
    if lastTabLine == buffer.text {
      let columns = Terminal.columns()
      Terminal.writeAll(1, "\n" + HelpLister.grid(candidates.map(\.value), columns: columns) + "\n")
      return .redisplay
    }
    lastTabLine = buffer.text
    return .beep
  }

  private func help(_ buffer: LineEditor.Buffer, _ editor: LineEditor) -> LineEditor.KeyAction {
    switch Lexer.scan(buffer.beforeCursor).tail {
    case .inQuote, .backslash, .comment:
      editor.insert("?")
      return .refresh
    case .plain:
      let listing = completer.help(buffer.beforeCursor)
      Terminal.writeAll(1, "?\n" + HelpLister.render(listing, columns: Terminal.columns()) + "\n")
      return .redisplay
    }
  }

  private func escape(_ text: String, inQuote: Bool) -> String {
    if inQuote { return text }
    var out = ""
    for c in text {
      if " \t'\"\\;#$`&|<>()*?[]{}!".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
