import Appliance
import Foundation
import TestSupport
import Testing

/// `settings ...` through the real binary: show, map, export, copy (workflow, dry run, --yes), set, unset.
@Suite(.engines) struct SettingsCommandTests {
  /// A sample 4.6 instance `old` and a fresh 5.x instance `new` in `home`.
  static func instances(_ home: TempDir) throws -> (old: String, new: String) {
    let old = home.file("old")
    let new = home.file("new")
    let a = try trsh(
      [
        "instance", "create", old, "--version", "4.6", "--sample-data", "5", "--seed", "1",
        "--hostname", "oldbox",
      ], home: home)
    #expect(a.status == 0, "\(a.stderr)")
    let b = try trsh(
      ["instance", "create", new, "--seed", "2", "--hostname", "newbox"], home: home)
    #expect(b.status == 0, "\(b.stderr)")
    return (old, new)
  }

  static func digests(_ dir: String) throws -> [String: TableDigest] {
    let instance = try Instance.open(at: URL(fileURLWithPath: dir), createIfMissing: false)
    // The workflow's own bookkeeping (its baseline is saved on first use) is not data.
    return try instance.store().tableDigests().filter { !$0.key.hasPrefix("workflow") }
  }

  @Test func showMapAndExportOnTheOldAppliance() throws {
    let home = TempDir()
    let (old, new) = try Self.instances(home)
    let show = try trsh(["--instance", old, "settings", "show", "Setup/LDAP"], home: home)
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("Setup/LDAP/bind_password"))
    #expect(show.stdout.contains("(secret)"))
    #expect(show.stdout.contains("Setup/LDAP/port"))
    let json = try trsh(["--instance", old, "settings", "show", "--json"], home: home)
    let entries = try JSONDecoder().decode(
      [SettingEntry].self, from: Data(json.stdout.utf8))
    #expect(entries.count > 40)
    #expect(entries.filter(\.sensitive).allSatisfy { $0.value == nil })

    let map = try trsh(["settings", "map"], home: home)
    #expect(map.status == 0)
    #expect(map.stdout.contains("Setup/NTP/servers"))
    #expect(map.stdout.contains("Configurations/System/Date Time/ntp_servers"))
    #expect(map.stdout.contains("NEVER WRITTEN"))
    #expect(map.stdout.contains("no place in 5.x"))

    let file = home.file("settings.json")
    let export = try trsh(["--instance", old, "settings", "export", "--output", file], home: home)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("3 secret values are not in the file"))
    #expect(try SettingsExportFile.read(from: URL(fileURLWithPath: file)).source.host == "oldbox")
    let again = try trsh(["--instance", old, "settings", "export", "--output", file], home: home)
    #expect(again.status == 2)
    let onNew = try trsh(
      ["--instance", new, "settings", "export", "--output", home.file("x.json")], home: home)
    #expect(onNew.status == 3, "\(onNew.stderr)")
  }

  @Test func copyIsRefusedBeforeTheRestoreButDryRunShowsTheDiff() throws {
    let home = TempDir()
    let (old, new) = try Self.instances(home)
    let before = try Self.digests(new)
    let refused = try trsh(
      ["--instance", new, "settings", "copy", "--from-instance", old, "--yes"], home: home)
    #expect(refused.status == 3, "\(refused.stderr)")
    #expect(refused.stderr.contains("after the restore"))

    let dry = try trsh(
      ["--instance", new, "settings", "copy", "--from-instance", old, "--dry-run"], home: home)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("! Configurations/Networking/Routing/default_gateway left alone"))
    #expect(dry.stdout.contains("- Setup/Web/java_console omitted"))
    #expect(dry.stdout.contains("~ Configurations/System/Date Time/time_zone: 'UTC' -> '"))
    #expect(dry.stdout.contains("dry run: nothing was changed"))
    #expect(dry.stdout.contains("+ Configurations/Security/LDAP/bind_password = '(secret)'"))
    #expect(try Self.digests(new) == before)

    let onOld = try trsh(
      ["--instance", old, "settings", "copy", "--from-instance", old, "--yes"], home: home)
    #expect(onOld.status == 3)
  }

  @Test func copyAfterTheRestoreAsksThenWritesEverySectionOnce() throws {
    let home = TempDir()
    let (old, new) = try Self.instances(home)
    // Stand in for the restore (not part of this test): record it in the workflow.
    let instance = try Instance.open(at: URL(fileURLWithPath: new), createIfMissing: false)
    try instance.recordWorkflow(
      .restoreFinished(consistent: true), command: "restore", user: "test")
    instance.closeStore()
    let before = try Self.digests(new)

    let batch = try trsh(
      ["--instance", new, "settings", "copy", "--from-instance", old], home: home)
    #expect(batch.status == 1, "\(batch.stderr)")
    #expect(batch.stderr.contains("--yes"))
    #expect(try Self.digests(new) == before)

    let copy = try trsh(
      ["--instance", new, "settings", "copy", "--from-instance", old, "--yes", "--json"],
      home: home)
    #expect(copy.status == 0, "\(copy.stderr)")
    let outcome = try #require(
      try JSONSerialization.jsonObject(with: Data(copy.stdout.utf8)) as? [String: Any])
    #expect(outcome["applied"] as? Bool == true)
    let show = try trsh(
      ["--instance", new, "settings", "show", "Configurations/System/Date Time"], home: home)
    #expect(show.stdout.contains("ntp_servers"))
    #expect(show.stdout.contains("ntp1."))
    let status = try trsh(["--instance", new, "show", "status", "--json"], home: home)
    #expect(status.stdout.contains("settings-copied"), "\(status.stdout)")
    let gateway = try trsh(
      ["--instance", new, "settings", "show", "Configurations/Networking/Routing"], home: home)
    #expect(gateway.stdout.contains("192.168.1.1"))
  }

  @Test func setAndUnsetCheckValuesAndRefuseTheGateway() throws {
    let home = TempDir()
    let (_, new) = try Self.instances(home)
    let ok = try trsh(
      ["--instance", new, "settings", "set", "Monitoring/Logging/syslog_port", "6514"], home: home)
    #expect(ok.status == 0, "\(ok.stderr)")
    let bad = try trsh(
      ["--instance", new, "settings", "set", "Monitoring/Logging/syslog_port", "70000"], home: home)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("Monitoring/Logging/syslog_port: '70000' is not a port (1-65535)"))
    let gateway = try trsh(
      [
        "--instance", new, "settings", "set", "Configurations/Networking/Routing/default_gateway",
        "10.0.0.1",
      ], home: home)
    #expect(gateway.status == 3)
    #expect(gateway.stderr.contains("Default Gateway"))
    let secret = try trsh(
      ["--instance", new, "settings", "set", "Configurations/Security/LDAP/bind_password", "pw"],
      home: home)
    #expect(secret.status == 2)
    #expect(secret.stderr.contains("must not be typed on the command line"))
    let file = home.write("pw.txt", "pw-from-file\n")
    let fromFile = try trsh(
      [
        "--instance", new, "settings", "set", "Configurations/Security/LDAP/bind_password",
        "--value-file", file,
      ], home: home)
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(!fromFile.stdout.contains("pw-from-file"))
    let unset = try trsh(
      ["--instance", new, "settings", "unset", "Monitoring/Logging/syslog_port"], home: home)
    #expect(unset.status == 0, "\(unset.stderr)")
    let unsetGateway = try trsh(
      [
        "--instance", new, "settings", "unset", "Configurations/Networking/Routing/default_gateway",
      ],
      home: home)
    #expect(unsetGateway.status == 3)
  }
}
