import Foundation

/// A real terminal for interactive tests: a tmux server of its own, one pane running the command.
final class Tmux {
  let socket = "trsh-test-\(UUID().uuidString.prefix(8))"
  let session = "t"

  static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  /// Where the command's exit status lands (tmux 3.3 does not always report a 0 status).
  let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent(
    "tmux-status-\(UUID().uuidString)"
  ).path

  /// Starts `command` (a shell command line) in a 160x50 pane that stays after the command exits.
  init(_ command: String) throws {
    let command = "\(command); echo $? > \(statusFile)"
    _ = try spawnAndWait(
      "/usr/bin/tmux",
      [
        "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "50", "-s",
        session, command,
      ])
    _ = try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: statusFile)
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try spawnAndWait("/usr/bin/tmux", ["-L", socket] + arguments).stdout
  }

  /// Types literal text.
  func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", "--", text]) }

  /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-r`.
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

  /// The pane's width in columns.
  func width() throws -> Int {
    Int(
      try tmux(["display-message", "-p", "-t", session, "#{pane_width}"])
        .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  /// The cursor's column and row in the pane, from 0.
  func cursor() throws -> (Int, Int) {
    let text = try tmux(["display-message", "-p", "-t", session, "#{cursor_x},#{cursor_y}"])
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
    return (Int(parts.first ?? "") ?? -1, Int(parts.last ?? "") ?? -1)
  }

  /// The pane's visible text.
  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

  /// Waits until the screen satisfies `condition`; returns the screen (or the last one seen).
  @discardableResult
  func wait(timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      usleep(50_000)
    }
    return last
  }

  /// Waits for text to appear `count` times on the screen.
  @discardableResult
  func waitFor(_ fragment: String, count: Int = 1, timeout: Double = 15) throws -> String {
    try wait(timeout: timeout) { $0.components(separatedBy: fragment).count - 1 >= count }
  }

  /// Waits (bounded) until the screen satisfies `condition`, else throws a `TmuxTimeout`
  /// naming `what` with the captured pane, so a missing prompt fails clearly instead of stalling.
  @discardableResult
  func require(
    _ what: String, timeout: Double = 30, _ condition: (String) -> Bool
  ) throws -> String {
    let screen = try wait(timeout: timeout, condition)
    guard condition(screen) else {
      throw TmuxTimeout(waitingFor: what, seconds: timeout, pane: screen)
    }
    return screen
  }

  /// Waits (bounded) for `fragment` on the screen, else throws with the captured pane.
  @discardableResult
  func require(_ fragment: String, timeout: Double = 30) throws -> String {
    try require("'\(fragment)'", timeout: timeout) { $0.contains(fragment) }
  }

  /// The last non-blank line of the screen: where the prompt or a question is.
  static func lastLine(_ screen: String) -> String {
    screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map(String.init) ?? ""
  }

  /// The command's exit status once it ended, or nil while it runs.
  func exitStatus(timeout: Double = 10) throws -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      usleep(50_000)
    }
    return nil
  }
}
