import Appliance

/// What `ping overcast` saw: each attempt and the statistics.
struct PingReport: CommandResult {
  /// One request and its outcome.
  struct Attempt: Encodable {
    var seq: Int
    var ok: Bool
    var timeMs: Double?
    var error: String?

    /// The attempt as ping(8) shows a reply.
    var line: String {
      if let timeMs {
        return "pong: seq=\(seq) time=\(PingStatistics.format(timeMs, decimals: 3)) ms"
      }
      return "seq=\(seq): \(error ?? "no answer")"
    }
  }

  var url: String
  var proxy: String?
  /// Whether the header and the attempts were already shown as they came (text output).
  var streamed: Bool
  /// Whether Ctrl-C ended the series before `--count` attempts.
  var interrupted = false
  var attempts: [Attempt] = []
  var statistics = PingStatistics()

  init(url: String, proxy: String?, streamed: Bool = false) {
    self.url = url
    self.proxy = proxy
    self.streamed = streamed
  }

  mutating func record(seq: Int, rtt: Duration?, error: String?) {
    statistics.record(rtt)
    attempts.append(
      Attempt(seq: seq, ok: rtt != nil, timeMs: rtt.map(PingStatistics.milliseconds), error: error))
  }

  var header: String { "PING overcast \(url)" + (proxy.map { " via proxy \($0)" } ?? "") }

  var failure: ApplianceError? {
    if interrupted { return .cancelled }
    let failed = attempts.filter { !$0.ok }
    guard let last = failed.last else { return nil }
    return .connectivity(
      "\(failed.count) of \(attempts.count) Overcast pings failed: \(last.error ?? "no answer")")
  }

  var text: String {
    var lines = ["--- overcast ping statistics ---", statistics.countsLine]
    if let rtt = statistics.rttLine { lines.append(rtt) }
    // Streamed: only the summary is left, after a blank line as ping(8) has it (which also
    // keeps it off the line where the terminal echoed ^C).
    if streamed { return "\n" + lines.joined(separator: "\n") }
    return ([header] + attempts.map(\.line) + lines).joined(separator: "\n")
  }

  private enum CodingKeys: String, CodingKey {
    case url, proxy, attempts, statistics, ok, interrupted
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(url, forKey: .url)
    try c.encodeIfPresent(proxy, forKey: .proxy)
    try c.encode(attempts, forKey: .attempts)
    try c.encode(statistics, forKey: .statistics)
    try c.encode(failure == nil, forKey: .ok)
    if interrupted { try c.encode(true, forKey: .interrupted) }
  }
}
