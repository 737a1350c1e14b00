import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The upgrade's data path through the real binary: backup, secret transfer, restore.
@Suite(.engines) struct BackupRestoreEndToEndTests {
  /// A legacy instance with sample data and a fresh 5.x one, in one scratch home.
  final class Appliances {
    let home = TempDir()
    var old: String { home.file("old") }
    var new: String { home.file("new") }
    var outputs: [RunResult] = []

    /// `oldVersion` 5.1 makes the old side a 5.x appliance too (a restore without migration).
    /// The new instance runs on `engine`.
    init(sample: Int = 30, oldVersion: String = "4.6", engine: String = "sqlite") throws {
      try ok([
        "instance", "create", old, "--version", oldVersion, "--sample-data", "\(sample)",
        "--seed", "1", "--hostname", "oldbox",
      ])
      try ok([
        "instance", "create", new, "--version", "5.1", "--seed", "2", "--hostname", "newbox",
        "--engine", engine,
      ])
    }

    @discardableResult
    func run(_ instance: String, _ words: [String], stdin: String = "") throws -> RunResult {
      let r = try trsh(["--instance", instance] + words, stdin: stdin, home: home)
      outputs.append(r)
      return r
    }

    @discardableResult
    func ok(_ words: [String]) throws -> RunResult {
      let r = try trsh(words, home: home)
      #expect(r.status == 0, "\(words): \(r.stderr)")
      outputs.append(r)
      return r
    }

    /// Old side of the upgrade: disable, back up, export the secret.
    func backUpOld() throws {
      #expect(try run(old, ["alert-source", "disable", "--all"]).status == 0)
      let b = try run(old, ["backup", "create", "--output", home.file("old.trbk")])
      #expect(b.status == 0, "\(b.stderr)")
      let s = try run(old, ["secret", "export", "--output", home.file("old.key")])
      #expect(s.status == 0, "\(s.stderr)")
    }

    func count(_ instance: String, _ field: String) throws -> String? {
      let r = try run(instance, ["show", "status", "--json"])
      let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
      return (object?[field]).map { "\($0)" }
    }
  }

  @Test func backupIsRefusedWithLiveSourcesUnlessForced() throws {
    let a = try Appliances(sample: 5)
    let refused = try a.run(a.old, ["backup", "create", "--output", a.home.file("b.trbk")])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("alert sources are enabled"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: a.home.file("b.trbk")))
    let forced = try a.run(
      a.old, ["backup", "create", "--output", a.home.file("b.trbk"), "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("sources live: YES"))
    let show = try a.run(a.old, ["backup", "show", a.home.file("b.trbk")])
    #expect(show.stdout.contains("sources live: YES"), "\(show.stdout)")
  }

  @Test(arguments: TestEngines.all) func fullUpgradeRestoresEverythingAndNeverShowsTheSecret(
    engine: String
  ) throws {
    let a = try Appliances(engine: engine)
    try a.backUpOld()
    let keyPath = a.home.file("old.key")
    let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let again = try a.run(a.old, ["secret", "export", "--output", keyPath])
    // An existing file is a usage error (2), not a workflow refusal (3).
    #expect(again.status == 2 && again.stderr.contains("--force"))

    // Batch mode cannot answer the question: refused without --yes.
    let batch = try a.run(a.new, [], stdin: "secret upload \(keyPath)\n")
    #expect(batch.status == 1)
    #expect(batch.stderr.contains("restarts all services"), "\(batch.stderr)")
    let upload = try a.run(a.new, ["secret", "upload", keyPath, "--yes"])
    #expect(upload.status == 0, "\(upload.stderr)")
    let oldShow = try a.run(a.old, ["secret", "show"]).stdout
    let newShow = try a.run(a.new, ["secret", "show"]).stdout
    let firstLine = { (text: String) in text.split(separator: "\n").first.map(String.init) }
    #expect(oldShow.hasPrefix("fingerprint:") && firstLine(oldShow) == firstLine(newShow))

    let up = try a.run(a.new, ["backup", "upload", a.home.file("old.trbk")])
    #expect(up.status == 0, "\(up.stderr)")
    let list = try a.run(a.new, ["backup", "list"])
    #expect(list.stdout.contains("old.trbk") && list.stdout.contains("uploads"))
    // A restore replaces data: it asks, naming what goes and what comes; nobody can answer
    // in a one-shot run without a terminal, so it is refused, changing nothing.
    let unasked = try a.run(a.new, ["restore"])
    #expect(unasked.status == 1)
    #expect(unasked.stderr.contains("incidents 0 -> 30"), "\(unasked.stderr)")
    #expect(unasked.stderr.contains("add --yes"))
    #expect(try a.count(a.new, "incidents") == "0")
    let restore = try a.run(a.new, ["restore", "--yes"])
    #expect(restore.status == 0, "\(restore.stderr)\(restore.stdout)")
    #expect(restore.stdout.contains("every encrypted field opens"))
    #expect(try a.count(a.new, "incidents") == "30")
    #expect(try a.count(a.new, "hostname") == "newbox")
    let status = try a.run(a.new, ["restore", "status"])
    #expect(status.stdout.contains("last restore:") && status.stdout.contains("old.trbk"))
    let sources = try a.run(a.new, ["alert-source", "list", "--json"])
    #expect(!sources.stdout.contains("\"enabled\":true"))

    // The secret's bytes never appear anywhere a person or a log could see them.
    let secret = try Data(contentsOf: URL(fileURLWithPath: keyPath))
    let hex = secret.map { String(format: "%02x", $0) }.joined()
    let base64 = secret.base64EncodedString()
    var seen = a.outputs.map { $0.stdout + $0.stderr }
    for log in [a.old + "/audit.log", a.new + "/audit.log", a.home.file("state/trsh/history")] {
      seen.append((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
    for text in seen {
      #expect(!text.contains(hex) && !text.contains(base64))
      #expect(!text.contains(String(decoding: secret, as: UTF8.self)))
    }
  }

  @Test(arguments: TestEngines.all) func wrongSecretIsRefusedWithBothFingerprints(engine: String)
    throws
  {
    let a = try Appliances(sample: 10, engine: engine)
    try a.backUpOld()
    let other = a.home.file("other.key")
    #expect(try a.run(a.new, ["secret", "export", "--output", other]).status == 0)
    #expect(try a.run(a.new, ["secret", "upload", other, "--yes"]).status == 0)
    #expect(try a.run(a.new, ["backup", "upload", a.home.file("old.trbk")]).status == 0)
    #expect(try a.count(a.new, "incidents") == "0")
    let r = try a.run(a.new, ["restore", "old.trbk"])
    #expect(r.status == 4, "\(r.stderr)")
    let mine = try a.run(a.new, ["secret", "show"]).stdout
    let theirs = try a.run(a.old, ["secret", "show"]).stdout
    let fingerprint = { (text: String) in
      text.split(separator: "\n").first { $0.hasPrefix("fingerprint:") }
        .map { $0.dropFirst("fingerprint:".count).trimmingCharacters(in: .whitespaces) } ?? "?"
    }
    #expect(r.stderr.contains(fingerprint(mine)) && r.stderr.contains(fingerprint(theirs)))
    #expect(try a.count(a.new, "incidents") == "0")
    #expect(try a.run(a.new, ["restore", "status"]).stdout.contains("FAILED"))

    // Without validation (confirmed) the restore completes and status says what to re-enter.
    let forced = try a.run(a.new, ["restore", "old.trbk", "--no-validate-encryption", "--yes"])
    #expect(forced.status == 0, "\(forced.stderr)")
    let status = try a.run(a.new, ["show", "status"])
    #expect(status.stdout.contains("INCONSISTENT"))
    #expect(status.stdout.contains("credentials"))
  }

  @Test(arguments: TestEngines.all) func damagedBackupIsRefusedOnUploadAndVerify(engine: String)
    throws
  {
    let a = try Appliances(sample: 3, engine: engine)
    try a.backUpOld()
    var bytes = try Data(contentsOf: URL(fileURLWithPath: a.home.file("old.trbk")))
    bytes[bytes.count / 2] ^= 0x01
    let damaged = a.home.file("damaged.trbk")
    try bytes.write(to: URL(fileURLWithPath: damaged))
    let verify = try a.run(a.new, ["backup", "verify", damaged])
    #expect(verify.status == 4, "\(verify.stderr)")
    let upload = try a.run(a.new, ["backup", "upload", damaged])
    #expect(upload.status == 4, "\(upload.stderr)")
    let uploads = try FileManager.default.contentsOfDirectory(atPath: a.new + "/uploads")
    #expect(uploads.isEmpty)
    let good = try a.run(
      a.new, ["backup", "verify", a.home.file("old.trbk"), "--secret", a.home.file("old.key")])
    #expect(good.status == 0, "\(good.stderr)")
    let wrong = try a.run(
      a.old, ["backup", "verify", a.home.file("old.trbk"), "--secret", a.new + "/secret.key"])
    #expect(wrong.status == 4, "\(wrong.stderr)")
  }
}
