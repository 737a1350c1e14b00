import Foundation
import Testing

@testable import LineEditor

@Suite struct TerminalTests {
  @Test func pipesAreNotTerminals() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer {
      close(fds[0])
      close(fds[1])
    }
    #expect(!Terminal.isTerminal(fds[0]))
    #expect(Terminal.columns(fds[1]) == 80)
  }

  @Test func readWithoutEchoFromAPipeReadsOneLine() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer { close(fds[0]) }
    Terminal.writeAll(fds[1], "s3cret\nrest\n")
    close(fds[1])
    #expect(Terminal.readWithoutEcho(prompt: "", fd: fds[0]) == "s3cret")
    #expect(Terminal.readWithoutEcho(prompt: "", fd: fds[0]) == "rest")
    #expect(Terminal.readWithoutEcho(prompt: "", fd: fds[0]) == nil)
  }
}
