import Appliance
import Foundation
import TestSupport
import Testing

/// `PingStatistics` computes what `ping` prints.
@Suite(.engines) struct OvercastPingStatisticsTests {
  @Test func summarisesLikePing() {
    var statistics = PingStatistics()
    for ms in [10, 20, 30] { statistics.record(.milliseconds(ms)) }
    statistics.record(nil)
    #expect(statistics.sent == 4)
    #expect(statistics.received == 3)
    #expect(statistics.lossPercent == 25)
    #expect(statistics.min == .milliseconds(10))
    #expect(statistics.max == .milliseconds(30))
    #expect(statistics.average == .milliseconds(20))
    // sqrt((100 + 400 + 900) / 3 - 400) = sqrt(66.67) = 8.165 ms
    #expect(statistics.rttLine == "rtt min/avg/max/mdev = 10.000/20.000/30.000/8.165 ms")
    #expect(statistics.countsLine == "4 requests transmitted, 3 received, 25% loss")
  }

  @Test func nothingReceived() {
    var statistics = PingStatistics()
    statistics.record(nil)
    statistics.record(nil)
    statistics.record(nil)
    #expect(statistics.lossPercent == 100)
    #expect(statistics.rttLine == nil)
    #expect(statistics.average == nil)
    #expect(statistics.countsLine == "3 requests transmitted, 0 received, 100% loss")
  }

  @Test func fractionalLossAndEmpty() {
    var statistics = PingStatistics()
    #expect(statistics.lossPercent == 0)
    statistics.record(.milliseconds(5))
    statistics.record(.milliseconds(5))
    statistics.record(nil)
    #expect(statistics.countsLine == "3 requests transmitted, 2 received, 33.3% loss")
    #expect(statistics.meanDeviation == .zero)
  }

  @Test func encodesMilliseconds() throws {
    var statistics = PingStatistics()
    statistics.record(.microseconds(1500))
    let json =
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(statistics)) as? [String: Any]
    #expect(json?["sent"] as? Int == 1)
    #expect(json?["minMs"] as? Double == 1.5)
    #expect(json?["lossPercent"] as? Double == 0)
  }
}
