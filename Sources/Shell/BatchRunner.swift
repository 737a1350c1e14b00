import Commands

/// Runs a runbook: no prompt, no line editing; stops at the first failure unless told to go on.
public struct BatchRunner {
  public let session: Session
  /// The name used in `SOURCE:LINE:` error prefixes (`FILE`, `-c`, `<stdin>`).
  public let sourceName: String
  public let keepGoing: Bool

  public init(session: Session, sourceName: String, keepGoing: Bool) {
    self.session = session
    self.sourceName = sourceName
    self.keepGoing = keepGoing
  }

  /// Runs every line `next` yields; returns the exit status.
  public func run(lines next: () -> String?) -> Int32 {
    var lineNumber = 0
    var status: Int32 = ExitStatus.ok
    // Runbooks repeat lines, and lexing is pure: each distinct line is split once.
    var lexed: [String: [[Word]]] = [:]
    defer { session.out.flush() }
    while var line = next() {
      lineNumber += 1
      let first = lineNumber
      if isTrivial(line) { continue }
      // A trailing backslash joins the next physical line.
      while Lexer.needsContinuation(line), let more = next() {
        lineNumber += 1
        line += "\n" + more
      }
      let commands: [[Word]]
      do {
        if let hit = lexed[line] {
          commands = hit
        } else {
          commands = try Lexer.split(line)
          if lexed.count >= 1024 { lexed.removeAll(keepingCapacity: true) }
          lexed[line] = commands
        }
      } catch let error as LexError {
        let s = session.report(
          "column \(error.column): \(error.message)", status: ExitStatus.usage,
          json: session.settings.json,
          origin: .batch(source: sourceName, line: first + error.line - 1))
        if !keepGoing { return s }
        status = s
        continue
      } catch {
        return ExitStatus.failed
      }
      for words in commands {
        if Signals.shouldStop {
          session.report(
            "interrupted", status: ExitStatus.interrupted, json: false,
            origin: .batch(source: sourceName, line: first))
          return ExitStatus.interrupted
        }
        let s: Int32
        do {
          s = try session.run(words.map(\.text), origin: .batch(source: sourceName, line: first))
        } catch let exit as ShellExit {
          return exit.status
        } catch {
          s = ExitStatus.failed
        }
        if s != ExitStatus.ok {
          if !keepGoing { return s }
          status = s
        }
      }
    }
    return status
  }

  /// Blank lines and whole-line comments, skipped without lexing.
  private func isTrivial(_ line: String) -> Bool {
    for byte in line.utf8 {
      switch byte {
      case 32, 9, 13: continue
      case 35: return true  // '#'
      default: return false
      }
    }
    return true
  }
}
