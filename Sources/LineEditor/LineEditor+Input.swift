import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

extension LineEditor {
  /// libedit's character reader (`EL_GETCFN`): one character from the terminal, 0 at the end
  /// of input, -1 when a signal interrupted the read (so `el_gets` returns and the caller's
  /// flags say which), except a resize, which is handled here and the line goes on.
  func readCharacter(into out: UnsafeMutablePointer<wchar_t>) -> Int32 {
    var bytes: [UInt8] = []
    var madeBlocking = false
    while true {
      if ResizeSignal.take() { redrawForNewSize() }
      var byte: UInt8 = 0
      let n = read(0, &byte, 1)
      if n < 0 {
        let error = errno
        if error == EINTR, ResizeSignal.take() {
          redrawForNewSize()
          continue
        }
        // Someone left the terminal non-blocking: make it blocking once, as libedit does.
        if error == EAGAIN, !madeBlocking {
          madeBlocking = true
          let flags = fcntl(0, F_GETFL)
          if flags >= 0, fcntl(0, F_SETFL, flags & ~O_NONBLOCK) == 0 { continue }
        }
        out.pointee = 0
        errno = error
        return -1
      }
      if n == 0 {
        out.pointee = 0
        return 0
      }
      bytes.append(byte)
      while !bytes.isEmpty {
        var state = mbstate_t()
        var wide: wchar_t = 0
        let used = bytes.withUnsafeBufferPointer { raw in
          raw.withMemoryRebound(to: CChar.self) { mbrtowc(&wide, $0.baseAddress, $0.count, &state) }
        }
        // mbrtowc's (size_t)-2 and (size_t)-1; Swift imports size_t as Int.
        if used == -2 {
          // An incomplete sequence: read on, unless it can never complete.
          if bytes.count >= 8 {
            out.pointee = 0
            errno = EILSEQ
            return -1
          }
          break
        }
        if used == -1 {
          // Invalid: drop it, but its last byte may start the next character.
          bytes = bytes.count > 1 ? [bytes[bytes.count - 1]] : []
          continue
        }
        out.pointee = wide
        return 1
      }
    }
  }

  /// Redraws the line for the terminal's new width. libedit drew it for the old width, and the
  /// terminal has since rewrapped it (tmux, VTE, kitty, iTerm2 do), so the cursor is as many
  /// rows below the prompt's first row as the new width puts it: go up there, clear below, and
  /// let libedit redraw prompt and line from that known place.
  func redrawForNewSize() {
    el_resize(editLine)
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return }
    let columns = max(1, Terminal.columns(1))
    let prompt = promptBytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let line = buffer
    let offset = DisplayWidth.of(prompt) + DisplayWidth.of(line.beforeCursor)
    var out = settle(offset, columns) + "\r" + up(offset / columns) + "\u{1B}[J"
    // libedit's own redraw moves down with new lines where a row ends in blanks, and a
    // terminal rejoins only rows that wrapped by themselves on the next resize: write prompt
    // and line straight through first, so every row wraps, then come back to the start.
    let whole = prompt + line.text
    if !whole.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      let width = DisplayWidth.of(whole)
      out += whole + settle(width, columns) + "\r" + up(width / columns)
    }
    Terminal.writeAll(1, out)
    // EL_REFRESH takes the cursor to be where a fresh prompt starts, with nothing drawn.
    trsh_el_refresh(editLine)
  }

  /// At a multiple of the width the cursor may wait past the row's end (pending wrap) or stand
  /// at the next row's start, depending on the terminal; a space puts it on the next row in
  /// both cases (where everything is redrawn anyway).
  private func settle(_ offset: Int, _ columns: Int) -> String {
    offset > 0 && offset % columns == 0 ? " " : ""
  }

  private func up(_ rows: Int) -> String { rows > 0 ? "\u{1B}[\(rows)A" : "" }
}
