import TestSupport
import Testing

@testable import Shell

@Suite(.engines) struct ProgressLineTests {
  @Test func theLineFitsTheTerminalWithRoomForAnEchoedCtrlC() {
    for columns in [200, 80, 40, 25, 12, 4] {
      let line = ProgressLine.text(
        label: "incidents", fraction: 0.42, eta: "1:05", columns: columns)
      #expect(line.count <= max(1, columns - 3), "\(columns): \(line)")
    }
    #expect(
      ProgressLine.text(label: "incidents", fraction: 0.5, eta: "", columns: 200)
        == "incidents [###############...............] 50%")
    // Narrow: the bar goes before the numbers do.
    #expect(
      ProgressLine.text(label: "incidents", fraction: 0.42, eta: "1:05", columns: 25)
        == "incidents 42% ETA 1:05")
    #expect(
      ProgressLine.text(label: "incidents", fraction: 0.42, eta: "", columns: 10) == "inc 42%")
  }

  @Test func clearingGoesBackOverRowsTheTerminalRewrapped() {
    #expect(ProgressLine.clear(length: 30, columns: 80) == "\r\u{1B}[J")
    #expect(ProgressLine.clear(length: 70, columns: 40) == "\r\u{1B}[1A\u{1B}[J")
    #expect(ProgressLine.clear(length: 0, columns: 40) == "\r\u{1B}[J")
  }
}
