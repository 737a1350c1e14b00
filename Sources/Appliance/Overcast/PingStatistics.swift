/// Round-trip statistics over a series of pings, as `ping(8)` summarises them.
public struct PingStatistics: Sendable, Equatable, Encodable {
  /// Attempts made.
  public private(set) var sent = 0
  /// Round-trip times of the attempts that got an answer, in order.
  public private(set) var roundTrips: [Duration] = []

  public init() {}

  /// Counts one attempt: its round-trip time, or nil when it failed.
  public mutating func record(_ rtt: Duration?) {
    sent += 1
    if let rtt { roundTrips.append(rtt) }
  }

  public var received: Int { roundTrips.count }

  /// Percentage of attempts without an answer, 0 when nothing was sent.
  public var lossPercent: Double {
    sent == 0 ? 0 : Double(sent - received) * 100 / Double(sent)
  }

  public var min: Duration? { roundTrips.min() }
  public var max: Duration? { roundTrips.max() }

  public var average: Duration? {
    received == 0 ? nil : Self.duration(milliseconds: milliseconds.reduce(0, +) / Double(received))
  }

  /// Mean deviation as `ping` computes it: sqrt(mean(rtt²) − mean(rtt)²).
  public var meanDeviation: Duration? {
    guard received > 0 else { return nil }
    let ms = milliseconds
    let mean = ms.reduce(0, +) / Double(ms.count)
    let meanOfSquares = ms.map { $0 * $0 }.reduce(0, +) / Double(ms.count)
    // Rounding can push the difference a hair below zero for identical samples.
    return Self.duration(milliseconds: Swift.max(0, meanOfSquares - mean * mean).squareRoot())
  }

  /// `N packets transmitted, M received, X% packet loss`.
  public var countsLine: String {
    "\(sent) requests transmitted, \(received) received, \(Self.format(lossPercent, decimals: lossPercent.rounded() == lossPercent ? 0 : 1))% loss"
  }

  /// `rtt min/avg/max/mdev = a/b/c/d ms`, or nil when nothing was received.
  public var rttLine: String? {
    guard let min, let average, let max, let meanDeviation else { return nil }
    let values = [min, average, max, meanDeviation].map {
      Self.format(Self.milliseconds($0), decimals: 3)
    }
    return "rtt min/avg/max/mdev = \(values.joined(separator: "/")) ms"
  }

  private var milliseconds: [Double] { roundTrips.map(Self.milliseconds) }

  public static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  static func duration(milliseconds: Double) -> Duration {
    .nanoseconds(Int64((milliseconds * 1e6).rounded()))
  }

  public static func format(_ value: Double, decimals: Int) -> String {
    // Fixed-point without Foundation, so the Appliance layer stays light here.
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let sign = scaled < 0 ? "-" : ""
    let magnitude = scaled.magnitude
    let whole = magnitude / UInt64(scale)
    var fraction = String(magnitude % UInt64(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    return "\(sign)\(whole).\(fraction)"
  }

  private enum CodingKeys: String, CodingKey {
    case sent, received, lossPercent, minMs, avgMs, maxMs, mdevMs
  }

  /// JSON for `--json`: counts, loss and the four times in milliseconds.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(sent, forKey: .sent)
    try c.encode(received, forKey: .received)
    try c.encode(lossPercent, forKey: .lossPercent)
    try c.encodeIfPresent(min.map(Self.milliseconds), forKey: .minMs)
    try c.encodeIfPresent(average.map(Self.milliseconds), forKey: .avgMs)
    try c.encodeIfPresent(max.map(Self.milliseconds), forKey: .maxMs)
    try c.encodeIfPresent(meanDeviation.map(Self.milliseconds), forKey: .mdevMs)
  }
}
