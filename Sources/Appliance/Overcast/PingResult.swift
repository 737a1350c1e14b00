/// One successful `GET /v1/ping`.
public struct PingResult: Sendable, Equatable {
  /// Time from sending the request to receiving the whole `pong` body.
  public var rtt: Duration

  public init(rtt: Duration) {
    self.rtt = rtt
  }
}
