import Foundation
import TestSupport
import Testing

/// Issue 4's commands through real pipes, with --json.
@Suite(.engines) struct InstanceCommandTests {
  func json(_ r: RunResult) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
  }

  @Test func instanceCreateOfTheDefaultPathMakesA5xInstance() throws {
    let home = TempDir()
    let defaultPath = home.file("data") + "/trsh/default"
    // A one-shot command never creates the default instance by itself (see InstanceSafetyTests).
    let missing = try trsh(["--json", "show", "status"], home: home)
    #expect(missing.status == 1 && missing.stderr.contains("instance create \(defaultPath)"))
    #expect(try trsh(["instance", "create", defaultPath], home: home).status == 0)
    let r = try trsh(["--json", "show", "status"], home: home)
    #expect(r.status == 0, "\(r.stderr)")
    let status = try #require(try json(r) as? [String: Any])
    #expect(status["applianceVersion"] as? String == "5.1.0")
    #expect((status["instancePath"] as? String)?.hasSuffix("data/trsh/default") == true)
    let secret = home.file("data") + "/trsh/default/secret.key"
    let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func legacySampleInstanceThroughEveryCommand() throws {
    let home = TempDir()
    let dir = home.file("old")
    let created = try trsh(
      [
        "--json", "instance", "create", dir, "--version", "4.6", "--sample-data", "30", "--seed",
        "5", "--hostname", "oldbox",
      ],
      home: home)
    #expect(created.status == 0, "\(created.stderr)")
    let env = ["TRSH_INSTANCE": dir]
    let version = try #require(
      try json(trsh(["--json", "show", "version"], home: home, environment: env)) as? [String: Any])
    // Recorded exactly as asked.
    #expect(version["appliance"] as? String == "4.6")
    #expect(version["schema"] as? String == "4")

    let status = try #require(
      try json(trsh(["--json", "show", "status"], home: home, environment: env)) as? [String: Any])
    #expect(status["hostname"] as? String == "oldbox")
    #expect(status["incidents"] as? Int == 30)
    #expect((status["alerts"] as? Int ?? 0) > 100)
    #expect(status["workflowState"] as? String == "live")

    let sources = try #require(
      try json(trsh(["--json", "alert-source", "list"], home: home, environment: env))
        as? [[String: Any]])
    let types = Set(sources.compactMap { $0["type"] as? String })
    #expect(types == ["TAP", "Smart Search", "CSV", "JSON", "abuse mailbox"])
    #expect(
      sources.allSatisfy {
        $0["enabled"] as? Bool == true && $0["credentialsReadable"] as? Bool == true
      })
    let listed = try trsh(["alert-source", "list"], home: home, environment: env)
    #expect(!listed.stdout.lowercased().contains("password"))

    let name = try #require(sources.first?["name"] as? String)
    let one = try trsh(["alert-source", "show", name], home: home, environment: env)
    #expect(one.status == 0)
    #expect(one.stdout.contains(name))

    let disabled = try trsh(["alert-source", "disable", "--all"], home: home, environment: env)
    #expect(disabled.status == 0)
    let after = try #require(
      try json(trsh(["--json", "show", "status"], home: home, environment: env)) as? [String: Any])
    #expect(after["alertSourcesEnabled"] as? Int == 0)
    #expect(after["workflowState"] as? String == "sources-disabled")

    let unknown = try trsh(["alert-source", "enable", "nope"], home: home, environment: env)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains(name))

    let services = try trsh(["--json", "show", "services"], home: home, environment: env)
    #expect(services.status == 0)
    let info = try trsh(["--json", "instance", "info"], home: home, environment: env)
    #expect((try json(info) as? [String: Any])?["hostname"] as? String == "oldbox")

    let completion = try trsh(["complete-values", "alert-sources"], home: home, environment: env)
    #expect(completion.stdout.split(separator: "\n").count == sources.count)
  }

  @Test func sameSeedSameData() throws {
    let home = TempDir()
    for name in ["a", "b"] {
      let r = try trsh(
        [
          "instance", "create", home.file(name), "--version", "5.x", "--sample-data", "10",
          "--seed", "9",
        ], home: home)
      #expect(r.status == 0, "\(r.stderr)")
    }
    let a = try trsh(
      ["--json", "alert-source", "list"], home: home, environment: ["TRSH_INSTANCE": home.file("a")]
    )
    let b = try trsh(
      ["--json", "alert-source", "list"], home: home, environment: ["TRSH_INSTANCE": home.file("b")]
    )
    #expect(a.stdout == b.stdout)
    #expect(!a.stdout.isEmpty)
  }

  @Test func auditLogRecordsEveryCommandWithoutSecrets() throws {
    let home = TempDir()
    let dir = home.file("inst")
    _ = try trsh(["instance", "create", dir, "--sample-data", "2", "--seed", "1"], home: home)
    let r = try trsh(
      ["--instance", dir, "--keep-going"],
      stdin: "show version\necho x --password=hunter2\nbogus\n", home: home)
    #expect(r.status == 2)
    let lines = try String(contentsOfFile: dir + "/audit.log", encoding: .utf8).split(
      separator: "\n")
    #expect(lines.count >= 3)
    let entries = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(
      entries.contains {
        $0["command"] as? String == "show version" && $0["origin"] as? String == "batch <stdin>:1"
      })
    #expect(
      entries.contains {
        ($0["command"] as? String)?.hasPrefix("bogus") == true && $0["exitCode"] as? Int == 2
      })
    #expect(!lines.joined().contains("hunter2"))
  }

  @Test func twoProcessesTogglingSourcesLoseNoUpdate() throws {
    let home = TempDir()
    let dir = home.file("inst")
    _ = try trsh(
      ["instance", "create", dir, "--version", "4.6", "--sample-data", "1", "--seed", "2"],
      home: home)
    let names = try #require(
      try json(
        trsh(["--json", "alert-source", "list"], home: home, environment: ["TRSH_INSTANCE": dir]))
        as? [[String: Any]]
    ).compactMap { $0["name"] as? String }
    // Two real processes at once: one disables the first half, one the second half, each 20 times.
    let half = names.count / 2
    let scripts = [Array(names[..<half]), Array(names[half...])].map { part in
      String(
        repeating: part.map { "alert-source enable '\($0)'\nalert-source disable '\($0)'\n" }
          .joined(), count: 20)
    }
    final class Box: @unchecked Sendable { var results: [RunResult?] = [nil, nil] }
    let box = Box()
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      box.results[i] = try? trsh(["--instance", dir], stdin: scripts[i], home: home)
    }
    for r in box.results { #expect(r?.status == 0, "\(r?.stderr ?? "no result")") }
    let after = try #require(
      try json(
        trsh(["--json", "alert-source", "list"], home: home, environment: ["TRSH_INSTANCE": dir]))
        as? [[String: Any]])
    #expect(after.allSatisfy { $0["enabled"] as? Bool == false })
  }

  /// A one-shot command that changes the instance closes the database in order: its change is
  /// checkpointed into the database file and the WAL removed, not left to the next process.
  /// (A read-only one opens the database on a second thread and leaves it to the kernel.)
  @Test func oneShotWritesAreCheckpointedBeforeExit() throws {
    let home = TempDir()
    let dir = home.file("inst")
    let created = try trsh(
      ["instance", "create", dir, "--version", "5.1", "--sample-data", "1", "--seed", "3"],
      home: home)
    #expect(created.status == 0, "\(created.stderr)")
    let wal = dir + "/appliance.sqlite-wal"
    for _ in 0..<2 {
      let read = try trsh(["--instance", dir, "--json", "show", "version"], home: home)
      #expect(read.status == 0, "\(read.stderr)")
      #expect(try (json(read) as? [String: Any])?["schema"] as? String == "5")
    }
    let wrote = try trsh(["--instance", dir, "alert-source", "disable", "--all"], home: home)
    #expect(wrote.status == 0, "\(wrote.stderr)")
    #expect(!FileManager.default.fileExists(atPath: wal), "the WAL outlived a writing command")
    let sources = try #require(
      try json(trsh(["--instance", dir, "--json", "alert-source", "list"], home: home))
        as? [[String: Any]])
    #expect(!sources.isEmpty && sources.allSatisfy { $0["enabled"] as? Bool == false })
  }
}
