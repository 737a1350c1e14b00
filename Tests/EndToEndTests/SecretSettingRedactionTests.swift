import Foundation
import TestSupport
import Testing

/// A secret setting typed on the command line by mistake is refused and never kept: not in the
/// audit log, not in history, whichever way the line came (one-shot, batch, interactive).
@Suite(.serialized, .engines) struct SecretSettingRedactionTests {
  let home = TempDir()

  static let current = [
    "Configurations/Security/LDAP/bind_password", "Maintenance/High Availability/shared_key",
    "Monitoring/SNMP/community",
  ]
  static let legacy = [
    "Setup/LDAP/bind_password", "Setup/Cluster/shared_key", "Setup/SNMP/community",
  ]

  func kept(in instance: String) throws -> String {
    let audit = (try? String(contentsOfFile: instance + "/audit.log", encoding: .utf8)) ?? ""
    let history =
      (try? String(contentsOfFile: home.file("state") + "/trsh/history", encoding: .utf8)) ?? ""
    return audit + history
  }

  @Test(arguments: [("5.1", current), ("4.6", legacy)])
  func oneShotAndBatchRefuseAndRedact(version: String, paths: [String]) throws {
    let dir = home.file("i-\(version)")
    let made = try trsh(["instance", "create", dir, "--version", version], home: home)
    #expect(made.status == 0, "\(made.stderr)")
    for (index, path) in paths.enumerated() {
      let value = "hunter\(index)-oneshot"
      let r = try trsh(["--instance", dir, "settings", "set", path, value], home: home)
      #expect(r.status == 2)
      #expect(r.stderr.contains("must not be typed on the command line"))
      #expect(!r.stderr.contains(value) && !r.stdout.contains(value))
    }
    let script = paths.enumerated().map { "sett se '\($0.element)' hunter\($0.offset)-batch" }
      .joined(separator: "\n")
    let batch = try trsh(
      ["--instance", dir, "--keep-going"], stdin: script + "\n", home: home)
    #expect(batch.status == 2)
    #expect(batch.stderr.components(separatedBy: "must not be typed").count == paths.count + 1)
    let text = try kept(in: dir)
    #expect(!text.contains("hunter"), "a secret value was kept: \(text)")
    // The refused lines are audited, with the value masked.
    #expect(text.components(separatedBy: "***").count > 2 * paths.count)
  }

  @Test(.enabled(if: Tmux.available)) func interactiveLineIsNeitherInHistoryNorAudited() throws {
    let dir = home.file("i")
    #expect(try trsh(["instance", "create", dir], home: home).status == 0)
    let env =
      "HOME=\(home.path) XDG_STATE_HOME=\(home.file("state")) XDG_DATA_HOME=\(home.file("data")) TERM=xterm LANG=C.UTF-8"
    let t = try Tmux("cd \(home.path) && env \(env) \(Binaries.trsh) --instance \(dir)")
    try t.waitFor(")>")
    for path in Self.current {
      try t.type("settings set '\(path)' hunter2-tty")
      try t.press("Enter")
    }
    try t.waitFor("must not be typed", count: Self.current.count)
    try t.type("echo done-here")
    try t.press("Enter")
    try t.waitFor("done-here", count: 2)
    try t.press("C-d")
    #expect(try t.exitStatus() == 0)
    let text = try kept(in: dir)
    #expect(text.contains("echo done-here"))
    #expect(!text.contains("hunter2"), "a secret value was kept: \(text)")
  }
}
