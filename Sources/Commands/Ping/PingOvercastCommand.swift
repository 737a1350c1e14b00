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

    // Each reply is shown as it comes, like ping(8); Ctrl-C ends the series, and the
    // statistics of the attempts made are still shown.
    var report = PingReport(
      url: configuration.baseURL, proxy: route?.description, streamed: !context.rendersJSON)
    if report.streamed { context.emit(report.header) }
    for seq in 1...count {
      if seq > 1 { pause(seconds: interval, context: context) }
      if context.isCancelled() {
        report.interrupted = true
        break
      }
      do {
        let result = try client.ping(cancel: context.cancellation)
        report.record(seq: seq, rtt: result.rtt, error: nil)
      } catch let error as ApplianceError where error.kind == .connectivity {
        report.record(seq: seq, rtt: nil, error: error.message)
      } catch let error as ApplianceError where error.kind == .cancelled {
        // Stopped waiting for this answer: it counts as neither sent nor lost.
        report.interrupted = true
        break
      }
      if report.streamed, let attempt = report.attempts.last { context.emit(attempt.line) }
    }
    return report
  }

  /// Sleeps in short steps, so that Ctrl-C ends the wait at once.
  private func pause(seconds: Double, context: CommandContext) {
    let deadline = ContinuousClock.now + .nanoseconds(Int64((seconds * 1e9).rounded()))
    while ContinuousClock.now < deadline, !context.isCancelled() {
      let left = deadline - ContinuousClock.now
      Thread.sleep(forTimeInterval: min(0.05, max(0, PingStatistics.milliseconds(left) / 1000)))
    }
  }
}
