import Appliance
import ArgumentParser
import Foundation

/// `ping overcast`: `GET /v1/ping` repeatedly, one line per attempt and a summary like ping's.
public struct PingOvercastCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "overcast", abstract: "Ping the Overcast licence service.",
    discussion: """
      Connects directly unless --proxy or --via-license-proxy asks for a proxy. \
      Exits 0 when every attempt got 'pong', 5 otherwise.
      """
  ).inShell

  @Option(name: [.customShort("c"), .long], help: "Number of attempts.")
  var count = 4

  @Option(name: [.customShort("i"), .long], help: "Seconds between attempts.")
  var interval = 1.0

  @Option(name: [.customShort("W"), .long], help: "Connect and read timeout, in seconds.")
  var timeout: Double?

  @Option(help: "Go through this HTTP proxy (HOST:PORT).")
  var proxy: String?

  @Option(
    help: "User for --proxy (password from $TRSH_PROXY_PASSWORD, else asked on the terminal).")
  var proxyUser: String?

  @Flag(help: "Go through the licensing proxy ('license proxy set').")
  var viaLicenseProxy = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1 to 10000") }
    guard interval >= 0 && interval <= 3600 else {
      throw ValidationError("--interval must be 0 to 3600 seconds")
    }
    if let timeout, !(timeout > 0 && timeout <= 3600) {
      throw ValidationError("--timeout must be more than 0 and at most 3600 seconds")
    }
    if viaLicenseProxy && proxy != nil {
      throw ValidationError("use --proxy or --via-license-proxy, not both")
    }
    if proxyUser != nil && proxy == nil { throw ValidationError("--proxy-user needs --proxy") }
    if let proxy {
      do { _ = try OvercastProxy(hostPort: proxy) } catch let error as ApplianceError {
        throw ValidationError(error.message)
      }
    }
  }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    var route = try ProxyPassword.proxy(hostPort: proxy, user: proxyUser, in: context)
    if viaLicenseProxy {
      guard let licensing = try instance.licensingProxy() else {
        throw ApplianceError.usage("no licensing proxy is set ('license proxy set HOST:PORT')")
      }
      route = licensing
    }
    let configuration = try instance.overcastConfiguration(
      environment: context.environment, proxy: route,
      timeout: timeout.map { .nanoseconds(Int64(($0 * 1e9).rounded())) })
    let client = try OvercastClient(configuration: configuration)
    defer { client.close() }

    var report = PingReport(url: configuration.baseURL, proxy: route?.description)
    for seq in 1...count {
      try context.checkCancelled()
      if seq > 1 { try sleep(seconds: interval, context: context) }
      do {
        let result = try client.ping()
        report.record(seq: seq, rtt: result.rtt, error: nil)
      } catch let error as ApplianceError where error.kind == .connectivity {
        report.record(seq: seq, rtt: nil, error: error.message)
      }
    }
    return report
  }

  /// Sleeps in short steps so that Ctrl-C ends the wait at once.
  private func sleep(seconds: Double, context: CommandContext) throws {
    let deadline = ContinuousClock.now + .nanoseconds(Int64((seconds * 1e9).rounded()))
    while ContinuousClock.now < deadline {
      try context.checkCancelled()
      let left = deadline - ContinuousClock.now
      Thread.sleep(forTimeInterval: min(0.05, max(0, PingStatistics.milliseconds(left) / 1000)))
    }
  }
}

/// What `ping overcast` saw: each attempt and the statistics.
struct PingReport: CommandResult {
  struct Attempt: Encodable {
    var seq: Int
    var ok: Bool
    var timeMs: Double?
    var error: String?
  }

  var url: String
  var proxy: String?
  var attempts: [Attempt] = []
  var statistics = PingStatistics()

  init(url: String, proxy: String?) {
    self.url = url
    self.proxy = proxy
  }

  mutating func record(seq: Int, rtt: Duration?, error: String?) {
    statistics.record(rtt)
    attempts.append(
      Attempt(seq: seq, ok: rtt != nil, timeMs: rtt.map(PingStatistics.milliseconds), error: error))
  }

  var failure: ApplianceError? {
    let failed = attempts.filter { !$0.ok }
    guard let last = failed.last else { return nil }
    return .connectivity(
      "\(failed.count) of \(attempts.count) Overcast pings failed: \(last.error ?? "no answer")")
  }

  var text: String {
    var lines = ["PING overcast \(url)" + (proxy.map { " via proxy \($0)" } ?? "")]
    for attempt in attempts {
      if let ms = attempt.timeMs {
        lines.append("pong: seq=\(attempt.seq) time=\(PingStatistics.format(ms, decimals: 3)) ms")
      } else {
        lines.append("seq=\(attempt.seq): \(attempt.error ?? "no answer")")
      }
    }
    lines.append("--- overcast ping statistics ---")
    lines.append(statistics.countsLine)
    if let rtt = statistics.rttLine { lines.append(rtt) }
    return lines.joined(separator: "\n")
  }

  private enum CodingKeys: String, CodingKey { case url, proxy, attempts, statistics, ok }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(url, forKey: .url)
    try c.encodeIfPresent(proxy, forKey: .proxy)
    try c.encode(attempts, forKey: .attempts)
    try c.encode(statistics, forKey: .statistics)
    try c.encode(failure == nil, forKey: .ok)
  }
}
