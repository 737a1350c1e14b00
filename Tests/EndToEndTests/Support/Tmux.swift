import Foundation

/// A real terminal for interactive tests: a tmux server of its own, one pane running the command.
final class Tmux {
  let socket = "trsh-test-\(UUID().uuidString.prefix(8))"
  let session = "t"

  static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  /// Starts `command` (a shell command line) in a 160x50 pane that stays after the command exits.
  init(_ command: String) throws {
    _ = try run(
      "/usr/bin/tmux",
      ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "50", "-s", session, command],
      detached: true)
    _ = try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try run("/usr/bin/tmux", ["-L", socket] + arguments).stdout
  }

  /// Types literal text.
  func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

  /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-r`.
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

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

  /// The pane's exit status once its command ended, or nil while it runs.
  func exitStatus(timeout: Double = 10) throws -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let out = try tmux(["display-message", "-p", "-t", session, "#{pane_dead} #{pane_dead_status}"])
      let parts = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
      if parts.first == "1", parts.count > 1 { return Int32(parts[1]) }
      usleep(50_000)
    }
    return nil
  }
}
