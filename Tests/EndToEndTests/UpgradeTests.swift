import Appliance
import Commands
import Foundation
import TestSupport
import Testing

/// The whole upgrade (issue 8): old 4.6 → fresh 5.x with the example runbooks and a real overcastd.
@Suite(.serialized, .engines) struct UpgradeTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let examples = repository.appendingPathComponent("examples")

  /// A pair of rehearsal instances and an Overcast that knows the old one's licence keys.
  final class Lab: @unchecked Sendable {
    let home = TempDir()
    var old: String { home.file("old") }
    var new: String { home.file("new") }
    var overcast: Process?
    var port = 0
    var environment: [String: String] = [:]

    /// The new appliance runs on `engine` (the old one is SQLite, as every 4.x was).
    init(engine: String = "sqlite") throws {
      let a = try trsh(
        [
          "instance", "create", old, "--version", "4.6", "--sample-data", "40", "--seed", "11",
          "--hostname", "oldbox",
        ],
        home: home)
      #expect(a.status == 0, "\(a.stderr)")
      let b = try trsh(
        [
          "instance", "create", new, "--version", "5.x", "--hostname", "newbox", "--engine", engine,
        ],
        home: home)
      #expect(b.status == 0, "\(b.stderr)")
      // Catalogue: every key of the old appliance, one of them expired.
      let keys = try Instance.open(at: URL(fileURLWithPath: old), createIfMissing: false).store()
        .licenses()
        .map(\.key.value)
      let entries = keys.enumerated().map { i, key in
        #"{"key": "\#(key)", "product": "Threat Response \#(i)", "expires": "\#(i == 0 ? "2020-01-01" : "2099-12-31")"}"#
      }
      home.write("catalog.json", #"{"licenses": [\#(entries.joined(separator: ","))]}"#)
      let ca = try run(Binaries.overcastd, ["make-ca", "--out", home.file("pki")])
      #expect(ca.status == 0, "\(ca.stderr)")
      let server = Process()
      server.executableURL = URL(fileURLWithPath: Binaries.overcastd)
      server.arguments = [
        "--catalog", home.file("catalog.json"), "--port", "0", "--port-file", home.file("port"),
        "--tls-cert", home.file("pki/server.pem"), "--tls-key", home.file("pki/server-key.pem"),
      ]
      server.standardOutput = FileHandle.nullDevice
      server.standardError = FileHandle.nullDevice
      try server.run()
      overcast = server
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline {
        if let text = try? String(contentsOfFile: home.file("port"), encoding: .utf8),
          let p = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
          port = p
          break
        }
        usleep(50_000)
      }
      #expect(port > 0)
      environment = ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(port)"]
      let caSet = try trsh(
        ["--instance", new, "overcast", "ca", "set", home.file("pki/ca.pem")], home: home)
      #expect(caSet.status == 0, "\(caSet.stderr)")
    }

    deinit {
      overcast?.terminate()
      overcast?.waitUntilExit()
    }

    func trshOld(_ args: [String], stdin: String = "") throws -> RunResult {
      try trsh(["--instance", old] + args, stdin: stdin, home: home, environment: environment)
    }

    func trshNew(_ args: [String], stdin: String = "") throws -> RunResult {
      try trsh(["--instance", new] + args, stdin: stdin, home: home, environment: environment)
    }

    func status(_ dir: String) throws -> [String: Any] {
      let r = try trsh(
        ["--instance", dir, "--json", "show", "status"], home: home, environment: environment)
      return try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Digests of the data tables (the workflow's own bookkeeping excluded).
    func digests(_ dir: String) throws -> [String: TableDigest] {
      try Instance.open(at: URL(fileURLWithPath: dir), createIfMissing: false).store()
        .tableDigests()
        .filter { !$0.key.hasPrefix("workflow") }
    }
  }

  @Test(arguments: TestEngines.all) func completeUpgradeWithTheExampleRunbooks(engine: String)
    throws
  {
    let lab = try Lab(engine: engine)
    let oldRun = try lab.trshOld([
      "-f", Self.examples.appendingPathComponent("upgrade-old.trsh").path,
    ])
    #expect(oldRun.status == 0, "\(oldRun.stderr)")
    #expect(try lab.status(lab.old)["workflowState"] as? String == "backed-up")

    let newRun = try lab.trshNew([
      "-f", Self.examples.appendingPathComponent("upgrade-new.trsh").path,
    ])
    #expect(newRun.status == 0, "\(newRun.stderr)")
    let status = try lab.status(lab.new)
    #expect(status["workflowState"] as? String == "live")
    #expect(status["incidents"] as? Int == 40)
    let licences = try #require(status["licenses"] as? [String: Int])
    #expect((licences["Installed"] ?? 0) > 0)
    #expect(licences["Invalid"] == 1)
    #expect(
      (status["alertSourcesEnabled"] as? Int ?? 0) == (status["alertSourcesTotal"] as? Int ?? -1))

    let oldDigests = try lab.digests(lab.old)
    let newDigests = try lab.digests(lab.new)
    for table in ["incidents", "quarantine_results", "lists", "list_members"] {
      #expect(oldDigests[table] == newDigests[table], "table \(table)")
    }
    #expect(oldDigests["alerts"]?.rows == newDigests["alerts"]?.rows)

    let settings = try lab.trshNew(["--json", "settings", "show"])
    #expect(settings.status == 0)
    #expect(settings.stdout.contains("Configurations/Security/LDAP"))

    let decommission = try lab.trshOld(["instance", "decommission", "--yes"])
    #expect(decommission.status == 0, "\(decommission.stderr)")
    #expect(try lab.status(lab.old)["workflowState"] as? String == "decommissioned")
    let refused = try lab.trshOld(["alert-source", "enable", "--all"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("decommissioned"))
  }

  @Test func outOfOrderRunbooksStopAtTheRightLineAndChangeNothing() throws {
    let lab = try Lab()
    // Backup with live sources on the old appliance.
    let before = try lab.digests(lab.old)
    lab.home.write(
      "bad-old.trsh", "show status\nbackup create --output x.trbk\nsecret export --output x.key\n")
    let r1 = try lab.trshOld(["-f", lab.home.file("bad-old.trsh")])
    #expect(r1.status == 3)
    #expect(r1.stderr.contains("bad-old.trsh:2:"), "\(r1.stderr)")
    #expect(!FileManager.default.fileExists(atPath: lab.home.file("x.trbk")))
    #expect(try lab.digests(lab.old) == before)

    // Restore before any upload, and enabling sources before a restore, on the new appliance.
    let newBefore = try lab.digests(lab.new)
    lab.home.write("bad-new.trsh", "# restore first\nshow version\nrestore --yes\n")
    let r2 = try lab.trshNew(["-f", lab.home.file("bad-new.trsh")])
    #expect(r2.status == 3)
    #expect(r2.stderr.contains("bad-new.trsh:3:"), "\(r2.stderr)")
    #expect(r2.stderr.contains("secret upload"))
    lab.home.write("bad-new2.trsh", "alert-source enable --all\n")
    let r3 = try lab.trshNew(["-f", lab.home.file("bad-new2.trsh")])
    #expect(r3.status == 3)
    #expect(r3.stderr.contains("bad-new2.trsh:1:"))
    #expect(try lab.digests(lab.new) == newBefore)
  }

  /// `upgrade next --run` on both sides: it runs every step that needs no file or answer (and
  /// the state moves on), and refuses, changing nothing, the steps that do.
  @Test(arguments: TestEngines.all) func upgradeNextRunRunsEveryStepThatNeedsNoInput(
    engine: String
  ) throws {
    let lab = try Lab(engine: engine)
    func state(_ dir: String) throws -> String? { try lab.status(dir)["workflowState"] as? String }
    /// Runs `upgrade next --run` and checks its exit status and the state it leaves.
    func next(_ side: String, expect status: Int32, state expected: String, yes: Bool = false)
      throws -> RunResult
    {
      let dir = side == "old" ? lab.old : lab.new
      let r = try trsh(
        ["--instance", dir, "upgrade", "next", "--run"] + (yes ? ["--yes"] : []), home: lab.home,
        environment: lab.environment)
      #expect(r.status == status, "\(side): \(r.stderr)")
      #expect(try state(dir) == expected, "\(side) after upgrade next --run: \(r.stderr)")
      if status == 2 { #expect(r.stderr.contains("needs input"), "\(r.stderr)") }
      return r
    }

    // Old: disable and back up run by themselves; the secret export names a file.
    #expect(try state(lab.old) == "live")
    let disable = try next("old", expect: 0, state: "sources-disabled")
    #expect(disable.stderr.contains(WorkflowStep.disableSources.commandLine))
    let backup = try next("old", expect: 0, state: "sources-disabled")
    #expect(backup.stdout.contains("sources live: no"), "\(backup.stdout)")
    let made = try FileManager.default.contentsOfDirectory(atPath: lab.old + "/backups")
    #expect(made.count == 1)
    _ = try next("old", expect: 2, state: "sources-disabled")
    #expect(try lab.trshOld(["secret", "export", "--output", "old.key"]).status == 0)
    #expect(try state(lab.old) == "backed-up")
    _ = try next("old", expect: 2, state: "backed-up")

    // New: uploads name files; waiting for services, restore and licences run by themselves.
    _ = try next("new", expect: 2, state: "fresh")
    // In the same session as the upload, so the services are surely still restarting: the
    // step waits for them (the upload restarts them for a few seconds) and then shows them.
    let services = try lab.trshNew(["-c", "secret upload old.key --yes; upgrade next --run"])
    #expect(services.status == 0, "\(services.stderr)")
    #expect(services.stderr.contains("Wait for all services"), "\(services.stderr)")
    let rows = services.stdout.split(separator: "\n").filter { $0.hasPrefix("web console") }
    #expect(rows.count == 1 && rows[0].contains("running"), "\(services.stdout)")
    #expect(try state(lab.new) == "secret-uploaded")
    let plan = try lab.trshNew(["upgrade", "next"])
    #expect(plan.stdout.contains("backup upload FILE"), "\(plan.stdout)")
    _ = try next("new", expect: 2, state: "secret-uploaded")
    let archive = lab.old + "/backups/" + made[0]
    #expect(try lab.trshNew(["backup", "upload", archive]).status == 0)
    // The restore asks before it replaces data: without --yes nobody can answer here.
    let unasked = try next("new", expect: 1, state: "uploaded")
    #expect(unasked.stderr.contains("replaces all data"), "\(unasked.stderr)")
    let restore = try next("new", expect: 0, state: "restored", yes: true)
    #expect(restore.stdout.contains("every encrypted field opens"), "\(restore.stdout)")
    _ = try next("new", expect: 0, state: "licensed")
    _ = try next("new", expect: 2, state: "licensed")
    #expect(try lab.trshNew(["settings", "copy", "--yes"]).status == 0)
    #expect(try state(lab.new) == "settings-copied")
    _ = try next("new", expect: 0, state: "live")
    // Nothing left to run: it says the upgrade is complete (not a usage error).
    let complete = try next("new", expect: 0, state: "live")
    #expect(complete.stdout.contains("upgrade is complete"), "\(complete.stdout)")
    let status = try lab.status(lab.new)
    #expect(status["incidents"] as? Int == 40)
    #expect(
      (status["alertSourcesEnabled"] as? Int ?? 0) == (status["alertSourcesTotal"] as? Int ?? -1))
  }

  /// A step that fails keeps its own exit code: validation without a reachable Overcast is 5.
  @Test func upgradeNextRunKeepsTheStepsExitCode() throws {
    let lab = try Lab()
    #expect(
      try lab.trshOld(["-f", Self.examples.appendingPathComponent("upgrade-old.trsh").path]).status
        == 0)
    for line in [
      ["secret", "upload", "old-appliance.key", "--yes"],
      ["backup", "upload", "old-appliance.trbk"],
      ["restore", "--yes"],
    ] {
      let r = try lab.trshNew(line)
      #expect(r.status == 0, "\(line): \(r.stderr)")
    }
    let dead = try trsh(
      ["--instance", lab.new, "upgrade", "next", "--run"], home: lab.home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:9"])
    #expect(dead.status == 5, "\(dead.stderr)")
    #expect(dead.stderr.contains("the next step failed: license validate"))
    #expect(try lab.status(lab.new)["workflowState"] as? String == "restored")
  }

  /// The new appliance's side driven by keystrokes in a real terminal: Tab completion, the
  /// prompt's state after every step, and the confirmation questions answered as they appear.
  /// Every wait is bounded and fails with the captured pane (an unmet wait used to run out
  /// silently, step after step, which looked like a stall).
  @Test(.enabled(if: Tmux.available), .timeLimit(.minutes(3)))
  func completeUpgradeInteractivelyWithTab() throws {
    let lab = try Lab()
    let oldRun = try lab.trshOld([
      "-f", Self.examples.appendingPathComponent("upgrade-old.trsh").path,
    ])
    #expect(oldRun.status == 0, "\(oldRun.stderr)")
    let env = [
      "HOME=\(lab.home.path)", "XDG_STATE_HOME=\(lab.home.file("state"))",
      "XDG_DATA_HOME=\(lab.home.file("data"))", "XDG_CONFIG_HOME=\(lab.home.file("config"))",
      "TERM=xterm", "LANG=C.UTF-8", "TRSH_OVERCAST_URL=https://127.0.0.1:\(lab.port)",
    ].joined(separator: " ")
    let t = try Tmux("cd \(lab.home.path) && env \(env) \(Binaries.trsh) --instance \(lab.new)")

    /// Waits until the command ended and the prompt, on the last line, shows `state`.
    @discardableResult
    func prompt(_ state: String, timeout: Double = 60) throws -> String {
      try t.require("prompt trsh(newbox:\(state))>", timeout: timeout) {
        Tmux.lastLine($0).hasPrefix("trsh(newbox:\(state))>")
      }
    }
    /// Waits for a yes/no question ending in `[y/N]` on the last line, then answers it.
    func answer(_ question: String, _ reply: String) throws {
      try t.require("question '\(question)'", timeout: 60) {
        // A long question wraps: read the screen's end as one line.
        let end = $0.replacingOccurrences(of: "\n", with: "")
          .trimmingCharacters(in: .whitespaces)
        return end.suffix(300).contains(question) && end.hasSuffix("[y/N]")
      }
      try t.type(reply)
      try t.press("Enter")
    }
    /// Types a command line, checks it reached the line editor whole, and runs it.
    func run(_ line: String) throws {
      try t.type(line)
      try t.require(line)
      try t.press("Enter")
    }

    try prompt("fresh", timeout: 30)
    // Tab completes "secr" to "secret " and "up" to "upload ".
    try t.type("secr")
    try t.press("Tab")
    try t.type("up")
    try t.press("Tab")
    try t.type("old-appliance.key")
    try t.require("secret upload old-appliance.key")
    try t.press("Enter")
    try answer("restarts all services. Continue?", "y")
    try prompt("secret-uploaded")

    try run("backup upload old-appliance.trbk")
    try prompt("uploaded")
    // Restore waits for the services the secret upload restarted, then validates encryption.
    try run("restore")
    try answer("Continue?", "y")
    let restored = try prompt("restored", timeout: 120)
    #expect(restored.contains("every encrypted field opens"), "\(restored)")
    try run("license validate")
    try prompt("licensed")
    // Tab completes "sett" to "settings " and "cop" to "copy ".
    try t.type("sett")
    try t.press("Tab")
    try t.type("cop")
    try t.press("Tab")
    try t.require("settings copy")
    try t.press("Enter")
    try answer("settings into this instance?", "y")
    try prompt("settings-copied")
    try run("alert-source enable --all")
    let live = try prompt("live")
    #expect(live.contains("make sure they are still disabled there"), "\(live)")
    try run("exit")
    let exit = try t.exitStatus(timeout: 30)
    let pane = try t.screen()
    #expect(exit == 0, "\(pane)")

    let status = try lab.status(lab.new)
    #expect(status["workflowState"] as? String == "live")
    #expect(status["incidents"] as? Int == 40)
    let licences = try #require(status["licenses"] as? [String: Int])
    #expect((licences["Installed"] ?? 0) > 0)
    #expect(
      (status["alertSourcesEnabled"] as? Int ?? 0) == (status["alertSourcesTotal"] as? Int ?? -1))
    let oldDigests = try lab.digests(lab.old)
    let newDigests = try lab.digests(lab.new)
    for table in ["incidents", "quarantine_results", "lists", "list_members"] {
      #expect(oldDigests[table] == newDigests[table], "table \(table)")
    }
    let history = try String(contentsOfFile: lab.home.file("state/trsh/history"), encoding: .utf8)
    #expect(history.contains("secret upload old-appliance.key"), "\(history)")
  }
}
