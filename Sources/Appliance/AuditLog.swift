import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The instance's `audit.log`: one JSON object per line, appended with a single `write` each.
///
/// The file stays open in append mode (O_APPEND makes each line's write atomic with respect
/// to other trsh processes appending to the same file), so a batch of thousands of commands
/// costs one syscall per line.
public final class AuditLog: @unchecked Sendable {
  public let url: URL
  // The descriptor is written from one thread at a time: `lock` guards it.
  private let lock = NSLock()
  private let fd: Int32

  /// Opens (creating with mode 0600) the log for appending.
  public init(url: URL) throws {
    self.url = url
    fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw ApplianceError.failed(
        "cannot open the audit log \(url.path): \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// Appends one entry as one line.
  public func append(_ entry: AuditEntry) throws {
    let line = entry.jsonBytes(newline: true)
    try lock.withLock {
      let (written, count) = line.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          (Glibc.write(fd, buffer.baseAddress, buffer.count), buffer.count)
        #else
          (Darwin.write(fd, buffer.baseAddress, buffer.count), buffer.count)
        #endif
      }
      guard written == count else {
        throw ApplianceError.failed("cannot append to the audit log \(url.path)")
      }
    }
  }

  /// Builds and appends an entry stamped now.
  public func record(
    user: String, origin: AuditOrigin, command: String, exitCode: Int32, durationMs: Int,
    stateBefore: String?, stateAfter: String?, at time: Date = Date()
  ) throws {
    try append(
      AuditEntry(
        time: ISOTime.millisecondString(time),
        user: user, origin: origin, command: command, exitCode: exitCode,
        durationMs: durationMs, stateBefore: stateBefore, stateAfter: stateAfter))
  }

  /// Options whose value is a secret: the value is replaced by `***`.
  public static let secretOptions: Set<String> = [
    "--password", "--passwd", "--secret", "--bind-password", "--proxy-password", "--api-key",
    "--token", "--passphrase", "--credentials", "--community", "--shared-key", "--pass",
  ]

  /// Masks values after secret-bearing options (`--password X`, `--password=X`) and any
  /// `user:pass@` credentials embedded in a word (URLs, proxy specifications).
  public static func redact(words: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(words.count)
    var maskNext = false
    for word in words {
      if maskNext {
        out.append("***")
        maskNext = false
        continue
      }
      // Most words are neither options nor carry `user:pass@`: skip the string work.
      guard word.utf8.first == UInt8(ascii: "-") || word.utf8.contains(UInt8(ascii: "@")) else {
        out.append(word)
        continue
      }
      if let eq = word.firstIndex(of: "="), secretOptions.contains(String(word[..<eq]).lowercased())
      {
        out.append(word[..<eq] + "=***")
        continue
      }
      if secretOptions.contains(word.lowercased()) {
        maskNext = true
        out.append(word)
        continue
      }
      out.append(maskUserInfo(word))
    }
    return out
  }

  /// Redacts a command line split on whitespace; for logging text the caller has not tokenised.
  public static func redact(line: String) -> String {
    redact(words: line.split(separator: " ", omittingEmptySubsequences: true).map(String.init))
      .joined(separator: " ")
  }

  /// `scheme://user:secret@host` and `user:secret@host` become `user:***@host`.
  static func maskUserInfo(_ word: String) -> String {
    guard let at = word.lastIndex(of: "@") else { return word }
    let before = word[..<at]
    let start = before.range(of: "://")?.upperBound ?? before.startIndex
    guard let colon = before[start...].firstIndex(of: ":") else { return word }
    let password = before[before.index(after: colon)...]
    guard !password.isEmpty else { return word }
    return String(word[..<before.index(after: colon)]) + "***" + String(word[at...])
  }
}
