import Foundation
import TestSupport
import Testing

/// `ping overcast` shows each reply as it comes, and Ctrl-C (SIGINT) still shows the statistics.
@Suite(.serialized, .engines) struct PingStreamingTests {
  /// A 5.x instance trusting the server's test CA and pointed at it.
  func instance(_ home: TempDir, server: Overcastd) throws -> String {
    let dir = home.file("instance")
    #expect(try trsh(["instance", "create", dir], home: home).status == 0)
    #expect(
      try trsh(["--instance", dir, "overcast", "ca", "set", server.caCertificate], home: home)
        .status == 0)
    #expect(
      try trsh(["--instance", dir, "overcast", "url", "set", server.url], home: home).status == 0)
    return dir
  }

  func environment(_ home: TempDir) -> [String: String] {
    [
      "HOME": home.path, "XDG_STATE_HOME": home.file("state"), "XDG_DATA_HOME": home.file("data"),
      "XDG_CONFIG_HOME": home.file("config"),
    ]
  }

  @Test func repliesShowAsTheyComeAndCtrlCPrintsTheStatisticsSoFar() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    let log = home.file("ping.log")
    let ping = try ChildProcess(
      executable: Binaries.trsh,
      arguments: ["--instance", dir, "ping", "overcast", "--count", "1000", "--interval", "0.2"],
      stdout: log, stderr: log, environment: environment(home))
    defer { ping.stop() }
    func output() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
    // Through a pipe too, each reply arrives while the command still runs.
    try ping.wait(for: "the second reply", timeout: 30) { output().contains("pong: seq=2 ") }
    #expect(output().hasPrefix("PING overcast \(server.url)"))
    #expect(!output().contains("statistics"))
    kill(ping.process.processIdentifier, SIGINT)
    ping.process.waitUntilExit()
    #expect(ping.process.terminationStatus == 130)
    let text = output()
    #expect(text.contains("\n\n--- overcast ping statistics ---\n"), "\(text)")
    let replies = text.split(separator: "\n").filter { $0.hasPrefix("pong: seq=") }.count
    #expect(replies >= 2)
    #expect(
      text.contains("\(replies) requests transmitted, \(replies) received, 0% loss"), "\(text)")
    #expect(text.contains("rtt min/avg/max/mdev = "))
    #expect(text.contains("trsh: interrupted"))
  }

  @Test func ctrlCDuringAnUnansweredPingStopsAtOnce() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    // A listener that never answers: the attempt would wait for its 30 s timeout.
    let silent = try LoopbackSocket(listening: true)
    defer { silent.close() }
    var env = environment(home)
    env["TRSH_OVERCAST_URL"] = "https://127.0.0.1:\(silent.port)"
    let log = home.file("ping.log")
    let ping = try ChildProcess(
      executable: Binaries.trsh,
      arguments: ["--instance", dir, "ping", "overcast", "--count", "1", "--timeout", "30"],
      stdout: log, stderr: log, environment: env)
    defer { ping.stop() }
    func output() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
    try ping.wait(for: "the header", timeout: 30) { output().contains("PING overcast") }
    usleep(500_000)
    let sent = Date()
    kill(ping.process.processIdentifier, SIGINT)
    ping.process.waitUntilExit()
    #expect(Date().timeIntervalSince(sent) < 5)
    #expect(ping.process.terminationStatus == 130)
    #expect(output().contains("0 requests transmitted, 0 received, 0% loss"), "\(output())")
  }
}
