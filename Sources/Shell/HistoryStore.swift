import Commands
import Foundation

/// The admin's command history on disk: bounded, written atomically after every command.
public final class HistoryStore {
  /// The history file.
  public let url: URL
  /// The most lines kept.
  public let limit: Int
  /// The lines, oldest first.
  public private(set) var lines: [String] = []

  /// `$XDG_STATE_HOME/trsh/history`, `~/.local/state/trsh/history` by default.
  public static func defaultURL(environment: [String: String]) -> URL {
    let base =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
    return URL(fileURLWithPath: base).appendingPathComponent("trsh/history")
  }

  public init(url: URL, limit: Int = 1000) {
    self.url = url
    self.limit = limit
    if let text = try? String(contentsOf: url, encoding: .utf8) {
      lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
      if lines.count > limit { lines.removeFirst(lines.count - limit) }
    }
  }

  /// Records a line (unless blank, a repeat of the last one, or carrying a secret) and saves.
  /// Returns whether it was recorded.
  @discardableResult
  public func record(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !trimmed.contains("\n"), lines.last != trimmed,
      !SecretFilter.carriesSecret(trimmed)
    else { return false }
    lines.append(trimmed)
    if lines.count > limit { lines.removeFirst(lines.count - limit) }
    save()
    return true
  }

  /// Writes a temporary file beside the history and renames it over (never a half-written file).
  public func save() {
    let dir = url.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let temp = dir.appendingPathComponent(".history.\(getpid()).tmp")
    let data = Data((lines.joined(separator: "\n") + "\n").utf8)
    guard
      FileManager.default.createFile(
        atPath: temp.path, contents: data, attributes: [.posixPermissions: 0o600])
    else { return }
    if rename(temp.path, url.path) != 0 { try? FileManager.default.removeItem(at: temp) }
  }
}

/// Tells which command lines carry a secret, so they are never recorded in history.
public enum SecretFilter {
  /// Whether the line passes a secret as a visible value (the same rule as the audit log's
  /// redaction, applied to the line's words; a line that does not lex is split on blanks).
  public static func carriesSecret(_ line: String) -> Bool {
    let words =
      (try? Lexer.split(line).flatMap { $0.map(\.text) })
      ?? line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    return SecretRedaction.carriesSecret(words: words)
  }
}
