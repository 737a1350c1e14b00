import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The PostgreSQL engine through the real binary: the instance's own server and its faults,
/// a managed database and its password.
@Suite(.engines) struct PostgresEndToEndTests {
  func pgCtl(_ dataDirectory: String, _ words: [String]) throws -> RunResult {
    let bin = try #require(
      ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
        .compactMap(Int.init).max().map { "/usr/lib/postgresql/\($0)/bin/pg_ctl" })
    let argv = ["-D", dataDirectory] + words
    return geteuid() == 0
      ? try run("/usr/sbin/runuser", ["-u", "postgres", "--", bin] + argv, directory: "/")
      : try run(bin, argv, directory: "/")
  }

  @Test func aStoppedServerIsStartedAndServicesSayWhatRuns() throws {
    let home = TempDir()
    let dir = home.file("pg")
    let created = try trsh(
      ["instance", "create", dir, "--engine", "postgresql", "--sample-data", "5", "--seed", "2"],
      home: home)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("engine:    postgresql"), "\(created.stdout)")
    #expect(try pgCtl(dir + "/pgdata", ["-m", "immediate", "stop"]).status == 0)
    #expect(try pgCtl(dir + "/pgdata", ["status"]).status == 3)
    let status = try trsh(["--instance", dir, "--json", "show", "status"], home: home)
    #expect(status.status == 0, "\(status.stderr)")
    #expect(
      status.stdout.contains("\"incidents\" : 5") || status.stdout.contains("\"incidents\":5"))
    #expect(try pgCtl(dir + "/pgdata", ["status"]).status == 0)
    let services = try trsh(["--instance", dir, "show", "services"], home: home)
    #expect(services.stdout.contains("database          running"), "\(services.stdout)")
  }

  @Test func aManagedDatabaseKeepsItsPasswordOutOfEverything() throws {
    let home = TempDir()
    let host = home.file("host")
    #expect(
      try trsh(["instance", "create", host, "--engine", "postgresql"], home: home).status == 0)
    let config =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: host + "/database.json"))) as? [String: Any]
    let port = try #require(config?["port"] as? Int)
    let password = try String(contentsOfFile: host + "/database.password", encoding: .utf8)
    let url = "postgresql://trsh@127.0.0.1:\(port)/postgres"
    let managed = home.file("managed")

    // A password in the URL is refused, and not repeated.
    let inURL = try trsh(
      [
        "instance", "create", managed, "--database-url",
        "postgresql://trsh:\(password)@127.0.0.1:\(port)/postgres",
      ],
      home: home)
    #expect(inURL.status == 2, "\(inURL.stderr)")
    #expect(!inURL.stderr.contains(password) && !inURL.stdout.contains(password))

    let created = try trsh(
      ["instance", "create", managed, "--database-url", url, "--sample-data", "3"], home: home,
      environment: ["TRSH_DATABASE_PASSWORD": password])
    #expect(created.status == 0, "\(created.stderr)")
    let status = try trsh(["--instance", managed, "show", "status"], home: home)
    #expect(status.status == 0 && status.stdout.contains("incidents:     3"), "\(status.stdout)")

    // The server gone: a clear error naming where, exit 1, nothing changed.
    #expect(try pgCtl(host + "/pgdata", ["-m", "fast", "stop"]).status == 0)
    let down = try trsh(["--instance", managed, "show", "status"], home: home)
    #expect(down.status == 1)
    #expect(
      down.stderr.contains("127.0.0.1:\(port)") && down.stderr.contains("refused"), "\(down.stderr)"
    )
    #expect(!down.stderr.contains(password))
    // The host instance starts its own server again; the managed one then answers as before.
    #expect(try trsh(["--instance", host, "show", "version"], home: home).status == 0)
    let again = try trsh(["--instance", managed, "show", "status"], home: home)
    #expect(again.stdout.contains("incidents:     3"), "\(again.stdout)")

    var everything = ""
    for file in [
      managed + "/audit.log", managed + "/database.json", home.file("state") + "/trsh/history",
    ] {
      everything += (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }
    #expect(!everything.contains(password))
  }
}
