import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// Interactive line editing on a terminal, over libedit (emacs keys, `~/.editrc`, history).
public final class LineEditor {
  /// What one call to `readLine` produced.
  public enum ReadResult: Equatable, Sendable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C (or another signal) interrupted the read; the typed text was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
  }

  /// What a key handler asks the editor to do after it ran.
  public enum KeyAction: Sendable {
    /// Nothing changed on screen.
    case none
    /// The line changed: redraw it.
    case refresh
    /// Something was printed below the line: redraw the prompt and the line.
    case redisplay
    /// Nothing to do: ring the bell.
    case beep
  }

  /// The line being edited, as a key handler sees it.
  public struct Buffer: Sendable {
    /// The whole line.
    public var text: String
    /// The text left of the cursor.
    public var beforeCursor: String
  }

  let editLine: OpaquePointer
  private let history: OpaquePointer
  var promptBytes: [CChar] = [0]
  private var keyHandlers: [(name: String, handler: (Buffer, LineEditor) -> KeyAction)] = []

  /// Called by libedit for Tab; set before `readLine`.
  public var onTab: ((Buffer, LineEditor) -> KeyAction)?
  /// Called by libedit for `?`; set before `readLine`.
  public var onQuestionMark: ((Buffer, LineEditor) -> KeyAction)?

  /// Opens the editor on the process's standard input, output and error.
  public init(programName: String, historySize: Int = 1000) {
    // Without a locale, libedit drops non-ASCII input.
    setlocale(LC_CTYPE, "")
    editLine = trsh_el_init_std(programName)
    history = trsh_history_init(Int32(historySize))
    trsh_el_set_editor(editLine, "emacs")
    trsh_el_set_hist(editLine, history)
    trsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    trsh_el_set_prompt(editLine) { el in
      guard let el, let data = trsh_el_get_clientdata(el) else { return nil }
      let editor = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
      return editor.promptBytes.withUnsafeMutableBufferPointer { $0.baseAddress }
    }
    trsh_el_addfn(editLine, "trsh-complete", "Complete the word at the cursor") { el, _ in
      LineEditor.dispatch(el) { $0.onTab }
    }
    trsh_el_addfn(editLine, "trsh-help", "List what may come next") { el, _ in
      LineEditor.dispatch(el) { $0.onQuestionMark }
    }
    // Our own reader, so that a resize is dealt with in the read loop and the line goes on.
    trsh_el_set_getcfn(editLine) { el, out in
      guard let el, let out, let data = trsh_el_get_clientdata(el) else { return -1 }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().readCharacter(into: out)
    }
    trsh_el_bind(editLine, "^I", "trsh-complete")
    trsh_el_bind(editLine, "?", "trsh-help")
    trsh_el_bind(editLine, "^R", "em-inc-search-prev")
    // The admin's own ~/.editrc wins over the defaults above.
    el_source(editLine, nil)
  }

  deinit {
    el_end(editLine)
    history_end(history)
  }

  private static func dispatch(
    _ el: OpaquePointer?, _ pick: (LineEditor) -> ((Buffer, LineEditor) -> KeyAction)?
  ) -> UInt8 {
    guard let el, let data = trsh_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
    let editor = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    guard let handler = pick(editor) else { return UInt8(CC_NORM) }
    switch handler(editor.buffer, editor) {
    case .none: return UInt8(CC_NORM)
    case .refresh: return UInt8(CC_REFRESH)
    case .redisplay: return UInt8(CC_REDISPLAY)
    case .beep: return UInt8(CC_REFRESH_BEEP)
    }
  }

  /// The current line and cursor.
  public var buffer: Buffer {
    guard let info = el_line(editLine)?.pointee, let start = info.buffer else {
      return Buffer(text: "", beforeCursor: "")
    }
    let all = UnsafeBufferPointer(start: start, count: start.distance(to: info.lastchar))
    let before = UnsafeBufferPointer(start: start, count: start.distance(to: info.cursor))
    return Buffer(
      text: String(decoding: all.map { UInt8(bitPattern: $0) }, as: UTF8.self),
      beforeCursor: String(decoding: before.map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }

  /// Inserts text at the cursor.
  public func insert(_ text: String) {
    el_insertstr(editLine, text)
  }

  /// Deletes `count` characters left of the cursor.
  public func deleteBeforeCursor(_ count: Int) {
    if count > 0 { el_deletestr(editLine, Int32(count)) }
  }

  /// Reads one line with the given prompt.
  public func readLine(prompt: String) -> ReadResult {
    promptBytes = Array(prompt.utf8CString)
    let previous = ResizeSignal.install()
    defer { ResizeSignal.restore(previous) }
    var count: Int32 = 0
    guard let raw = el_gets(editLine, &count) else {
      // NULL is both EOF and an interrupted read; the caller's signal flag tells them apart.
      return count == -1 ? .interrupted : .endOfInput
    }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds a line to the in-memory history (Up/Down, Ctrl-R).
  public func addHistory(_ line: String) {
    trsh_history_enter(history, line)
  }

  /// Replaces the in-memory history with these lines, oldest first.
  public func setHistory(_ lines: [String]) {
    trsh_history_clear(history)
    for line in lines { trsh_history_enter(history, line) }
  }

  /// Tells libedit the terminal was resized.
  public func resize() {
    el_resize(editLine)
  }
}
