import Appliance
import Foundation
import TestSupport
import Testing

/// `alert-source credentials NAME` (and secret settings) after a restore that left fields unreadable.
@Suite(.serialized, .engines) struct CredentialsReentryTests {
  static let credential = "Cr3d-5ecret-never-shown-7f41"

  /// A new appliance restored without encryption validation under the wrong Master Secret.
  static func inconsistentNewAppliance() throws -> BackupRestoreEndToEndTests.Appliances {
    let a = try BackupRestoreEndToEndTests.Appliances(sample: 5)
    try a.backUpOld()
    let other = a.home.file("other.key")
    #expect(try a.run(a.new, ["secret", "export", "--output", other]).status == 0)
    #expect(try a.run(a.new, ["secret", "upload", other, "--yes"]).status == 0)
    #expect(try a.run(a.new, ["backup", "upload", a.home.file("old.trbk")]).status == 0)
    let r = try a.run(a.new, ["restore", "old.trbk", "--no-validate-encryption", "--yes"])
    #expect(r.status == 0, "\(r.stderr)")
    a.home.write("credential.txt", credential + "\n")
    return a
  }

  static func status(_ a: BackupRestoreEndToEndTests.Appliances) throws -> [String: Any] {
    let r = try a.run(a.new, ["show", "status", "--json"])
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  /// The 5.x path `settings copy` maps a 4.x `Setup/...` path onto.
  static func currentPath(ofLegacy legacy: String) throws -> String {
    let old = try SettingPath(parsing: legacy)
    let section = try #require(SettingsMapping.section(old: old.section))
    let key = try #require(section.field(for: old.key)?.newKey)
    return SettingPath(section.new, key).description
  }

  @Test func reenteringEveryListedFieldMakesTheInstanceConsistent() throws {
    let a = try Self.inconsistentNewAppliance()
    var status = try Self.status(a)
    #expect(status["workflowState"] as? String == "restored-inconsistent")
    let listed = try #require(status["mustReenter"] as? [String])
    let sourcePrefix = "alert source '"
    let sourceSuffix = "' credentials"
    let sources = listed.filter { $0.hasPrefix(sourcePrefix) }.map {
      String($0.dropFirst(sourcePrefix.count).dropLast(sourceSuffix.count))
    }
    let settings = listed.filter { $0.hasPrefix("4.x setting ") }.map {
      String($0.dropFirst("4.x setting ".count))
    }
    #expect(sources.count >= 5)
    #expect(sources.count + settings.count == listed.count, "\(listed)")

    let refused = try a.run(a.new, ["alert-source", "enable", "--all"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("alert-source credentials NAME"), "\(refused.stderr)")

    // One source by hand: its mark goes, the others stay.
    let first = try a.run(
      a.new, ["alert-source", "credentials", sources[0], "--secret-file", "credential.txt"])
    #expect(first.status == 0, "\(first.stderr)")
    status = try Self.status(a)
    let left = try #require(status["mustReenter"] as? [String])
    #expect(left == Array(listed.dropFirst()))

    // The rest through a runbook on a pipe; names are quoted (they hold blanks).
    let runbook = sources.dropFirst().map {
      "alert-source credentials \"\($0)\" --secret-file credential.txt --principal svc-tr@corp.example"
    }
    let batch = try a.run(a.new, [], stdin: runbook.joined(separator: "\n") + "\n")
    #expect(batch.status == 0, "\(batch.stderr)")
    status = try Self.status(a)
    #expect(status["workflowState"] as? String == "restored-inconsistent")
    #expect(try a.run(a.new, ["alert-source", "enable", "--all"]).status == 3)

    // The secret 4.x settings are re-entered at their 5.x place.
    for legacy in settings {
      let path = try Self.currentPath(ofLegacy: legacy)
      let r = try a.run(a.new, ["settings", "set", path, "--value-file", "credential.txt"])
      #expect(r.status == 0, "\(path): \(r.stderr)")
    }
    status = try Self.status(a)
    #expect(status["mustReenter"] == nil)
    #expect(status["workflowState"] as? String == "restored")
    let text = try a.run(a.new, ["show", "status"]).stdout
    #expect(!text.contains("INCONSISTENT") && !text.contains("re-enter"), "\(text)")

    // Every credential now opens under the instance's own secret and holds what was entered.
    let instance = try Instance.open(at: URL(fileURLWithPath: a.new), createIfMissing: false)
    let secret = try instance.secret()
    for source in try instance.store().alertSources() {
      let opened = try #require(source.sealedCredentials.flatMap { secret.decrypt($0).text })
      #expect(opened.contains(Self.credential), "\(source.name)")
    }
    let list = try a.run(a.new, ["alert-source", "list"]).stdout
    #expect(!list.contains("UNREADABLE"), "\(list)")

    let enable = try a.run(a.new, ["alert-source", "enable", "--all"])
    #expect(enable.status == 0, "\(enable.stderr)")
    #expect(try Self.status(a)["workflowState"] as? String == "live")
    let audit = try String(contentsOfFile: a.new + "/audit.log", encoding: .utf8)
    #expect(audit.contains(#""stateAfter":"restored","stateBefore":"restored-inconsistent""#))
    Self.expectNeverShown(a)
  }

  @Test func withoutATerminalTheCredentialMustComeFromAFile() throws {
    let a = try Self.inconsistentNewAppliance()
    let sources = try a.run(a.new, ["alert-source", "list", "--json"])
    let name = try #require(
      (try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [[String: Any]])?
        .first?["name"] as? String)
    let batch = try a.run(a.new, [], stdin: "alert-source credentials \"\(name)\"\n")
    #expect(batch.status == 2)
    #expect(batch.stderr.contains("--secret-file"), "\(batch.stderr)")
    let unknown = try a.run(
      a.new, ["alert-source", "credentials", "no such source", "--secret-file", "credential.txt"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("known:"))
    a.home.write("empty.txt", "\n")
    let empty = try a.run(
      a.new, ["alert-source", "credentials", name, "--secret-file", "empty.txt"])
    #expect(empty.status != 0)
    #expect(try Self.status(a)["workflowState"] as? String == "restored-inconsistent")
  }

  @Test func proxyPasswordFromA5xBackupIsReenteredWithLicenseProxySet() throws {
    let home = TempDir()
    func run(_ words: [String]) throws -> RunResult { try trsh(words, home: home) }
    let source = home.file("five")
    let target = home.file("target")
    for words in [
      ["instance", "create", source, "--version", "5.1", "--sample-data", "3", "--seed", "4"],
      ["instance", "create", target, "--version", "5.1", "--seed", "5", "--hostname", "newbox"],
      ["--instance", source, "alert-source", "disable", "--all"],
      ["--instance", source, "backup", "create", "--output", home.file("five.trbk")],
      ["--instance", target, "backup", "upload", home.file("five.trbk")],
      ["--instance", target, "secret", "export", "--output", home.file("mine.key")],
      ["--instance", target, "secret", "upload", home.file("mine.key"), "--yes"],
      ["--instance", target, "restore", "--no-validate-encryption", "--yes"],
    ] {
      let r = try run(words)
      #expect(r.status == 0, "\(words): \(r.stderr)")
    }
    let listed = { () throws -> [String] in
      let r = try run(["--instance", target, "show", "status", "--json"])
      let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
      return object?["mustReenter"] as? [String] ?? []
    }
    #expect(try listed().contains("licensing proxy password"))
    // The backup's 5.x settings are replaced by the new appliance's own: never listed.
    #expect(try !listed().contains { $0.contains("Configurations/") })
    home.write("proxy-password.txt", Self.credential + "\n")
    let set = try run([
      "--instance", target, "license", "proxy", "set", "proxy.example:3128", "--user", "svc",
      "--password-file", home.file("proxy-password.txt"),
    ])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(try !listed().contains("licensing proxy password"))
    let left = try listed()
    #expect(
      left.allSatisfy { $0.hasPrefix("alert source '") || $0.hasPrefix("setting ") }, "\(left)")
    #expect(left.contains { $0.hasPrefix("alert source '") })
  }

  @Test(.enabled(if: Tmux.available), .timeLimit(.minutes(2)))
  func typedCredentialIsNotEchoedAndNotRecorded() throws {
    let a = try Self.inconsistentNewAppliance()
    let env =
      "HOME=\(a.home.path) XDG_STATE_HOME=\(a.home.file("state")) TERM=xterm LANG=C.UTF-8"
    let t = try Tmux("cd \(a.home.path) && env \(env) \(Binaries.trsh) --instance \(a.new)")
    try t.require("(newbox:restored-inconsistent)>")
    // Tab completes the alert-source group and the subcommand.
    try t.type("alert-s")
    try t.press("Tab")
    try t.type("cred")
    try t.press("Tab")
    try t.type("'TAP - EMEA'")
    try t.require("alert-source credentials 'TAP - EMEA'")
    try t.press("Enter")
    try t.require("New credential for 'TAP - EMEA':")
    try t.type(Self.credential)
    try t.press("Enter")
    let screen = try t.require("TAP - EMEA: credentials re-entered")
    #expect(!screen.contains(Self.credential), "\(screen)")
    try t.type("exit")
    try t.press("Enter")
    #expect(try t.exitStatus() == 0)
    let history = try String(contentsOfFile: a.home.file("state/trsh/history"), encoding: .utf8)
    #expect(history.contains("alert-source credentials 'TAP - EMEA'"), "\(history)")
    let list = try a.run(a.new, ["alert-source", "show", "TAP - EMEA"]).stdout
    #expect(list.contains("set") && !list.contains("UNREADABLE"), "\(list)")
    Self.expectNeverShown(a)
  }

  /// The credential is in no output, audit log or history.
  static func expectNeverShown(_ a: BackupRestoreEndToEndTests.Appliances) {
    var seen = a.outputs.map { $0.stdout + $0.stderr }
    for file in [a.old + "/audit.log", a.new + "/audit.log", a.home.file("state/trsh/history")] {
      seen.append((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }
    for text in seen { #expect(!text.contains(credential)) }
  }
}
