import Foundation
import TestSupport
import Testing

/// What an instance is and who may create it: only `instance create` (and the first
/// interactive start on the default instance) creates one, at exactly the version asked, and
/// everything it holds is private to its owner whatever the umask.
@Suite(.serialized, .engines) struct InstanceSafetyTests {
  let home = TempDir()
  var defaultInstance: String { home.file("data") + "/trsh/default" }

  @Test func aMissingInstanceIsNeverCreatedByOtherCommands() throws {
    let typo = home.file("srv/nwe")
    let viaOption = try trsh(["--instance", typo, "show", "status"], home: home)
    #expect(viaOption.status == 1)
    #expect(viaOption.stderr.contains(typo), "\(viaOption.stderr)")
    #expect(viaOption.stderr.contains("trsh instance create \(typo)"))
    let viaEnvironment = try trsh(
      ["alert-source", "list"], home: home, environment: ["TRSH_INSTANCE": typo])
    #expect(viaEnvironment.status == 1)
    #expect(viaEnvironment.stderr.contains(typo))
    let batch = try trsh(["--instance", typo], stdin: "show version\n", home: home)
    #expect(batch.status == 1 && batch.stderr.contains("instance create"))
    #expect(!FileManager.default.fileExists(atPath: typo))
    // Commands that need no instance run without creating the default one.
    #expect(try trsh(["help"], home: home).status == 0)
    let echo = try trsh(["echo", "hi"], home: home)
    #expect(echo.status == 0 && echo.stdout == "hi\n")
    #expect(try trsh(["show", "version"], home: home).status == 1)
    #expect(!FileManager.default.fileExists(atPath: defaultInstance))
    // `instance create` works from a session whose own instance does not exist.
    let made = try trsh(["--instance", typo, "instance", "create", home.file("made")], home: home)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(!FileManager.default.fileExists(atPath: typo))
  }

  @Test(.enabled(if: Tmux.available)) func theFirstInteractiveStartCreatesTheDefaultAndSaysSo()
    throws
  {
    let env =
      "HOME=\(home.path) XDG_STATE_HOME=\(home.file("state")) XDG_DATA_HOME=\(home.file("data")) TERM=xterm LANG=C.UTF-8"
    let t = try Tmux("cd \(home.path) && env \(env) \(Binaries.trsh)")
    let screen = try t.waitFor(")>")
    #expect(screen.contains("created a new 5.x instance at \(defaultInstance)"), "\(screen)")
    try t.press("C-d")
    #expect(try t.exitStatus() == 0)
    #expect(FileManager.default.fileExists(atPath: defaultInstance + "/appliance.sqlite"))
    // The second start says nothing of the kind.
    let again = try Tmux("cd \(home.path) && env \(env) \(Binaries.trsh)")
    #expect(!(try again.waitFor(")>")).contains("created a new"))
  }

  @Test(arguments: [
    ("5.6", "5.6"), ("4.5", "4.5"), ("4.6.2", "4.6.2"), ("5.x", "5.1.0"), ("4", "4.6.2"),
    ("5.0.3", "5.0.3"),
  ])
  func theVersionAskedIsTheVersionRecorded(asked: String, recorded: String) throws {
    let dir = home.file("v\(asked)")
    let made = try trsh(["instance", "create", dir, "--version", asked, "--json"], home: home)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("\"applianceVersion\" : \"\(recorded)\""), "\(made.stdout)")
    let shown = try trsh(["--instance", dir, "show", "version"], home: home)
    #expect(shown.stdout.contains(recorded), "\(shown.stdout)")
  }

  @Test(arguments: ["5.9", "4.7", "6", "3.2", "5.1.x", "five", "5..1", ""])
  func anUnsupportedVersionIsRefusedWithTheList(asked: String) throws {
    let dir = home.file("refused")
    let r = try trsh(["instance", "create", dir, "--version", asked], home: home)
    #expect(r.status == 2)
    #expect(r.stderr.contains("unsupported appliance version"), "\(r.stderr)")
    #expect(r.stderr.contains("4.0 to 4.6") && r.stderr.contains("5.0 to 5.6"))
    #expect(!FileManager.default.fileExists(atPath: dir))
  }

  /// Every file 0600 and every folder 0700, after create (both versions), backup, uploads and
  /// restore, under a permissive umask.
  @Test func everythingAnInstanceHoldsIsPrivate() throws {
    @discardableResult func umasked(_ words: [String]) throws -> RunResult {
      let r = try run(
        "/bin/bash", ["-c", "umask 002; exec \"$0\" \"$@\"", Binaries.trsh] + words,
        environment: ["HOME": home.path, "XDG_STATE_HOME": home.file("state")],
        directory: home.path)
      #expect(r.status == 0, "\(words): \(r.stderr)")
      return r
    }
    let old = home.file("old")
    let new = home.file("new")
    try umasked([
      "instance", "create", old, "--version", "4.6", "--sample-data", "5", "--seed", "3",
    ])
    try umasked(["instance", "create", new, "--version", "5.1"])
    try umasked(["--instance", old, "alert-source", "disable", "--all"])
    try umasked(["--instance", old, "backup", "create"])
    try umasked(["--instance", old, "secret", "export", "--output", home.file("old.key")])
    let archive = try #require(
      try FileManager.default.contentsOfDirectory(atPath: old + "/backups").first)
    try umasked(["--instance", new, "secret", "upload", home.file("old.key"), "--yes"])
    try umasked(["--instance", new, "backup", "upload", old + "/backups/" + archive])
    try umasked(["--instance", new, "restore", "--yes"])
    try umasked(["--instance", new, "overcast", "url", "set", "https://127.0.0.1:9"])
    for root in [old, new] {
      var checked = 0
      let walker = try #require(FileManager.default.enumerator(atPath: root))
      for case let name as String in walker {
        let path = root + "/" + name
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
        #expect(mode == (isDirectory ? 0o700 : 0o600), "\(path): \(String(mode, radix: 8))")
        checked += 1
      }
      #expect(checked >= 5)
      let top = try FileManager.default.attributesOfItem(atPath: root)[.posixPermissions]
      #expect((top as? NSNumber)?.intValue == 0o700)
    }
  }

  @Test func statusCommandsGiveFieldsInJSON() throws {
    let dir = home.file("i")
    #expect(try trsh(["instance", "create", dir], home: home).status == 0)
    func json(_ words: [String]) throws -> [String: Any] {
      let r = try trsh(["--instance", dir] + words + ["--json"], home: home)
      #expect(r.status == 0, "\(words): \(r.stderr)")
      return try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }
    #expect(try json(["restore", "status"])["outcome"] as? String == "none")
    #expect(try json(["license", "proxy", "show"])["configured"] as? Bool == false)
    #expect(
      try trsh(["--instance", dir, "license", "proxy", "set", "proxy.corp:3128"], home: home)
        .status == 0)
    let proxy = try json(["license", "proxy", "show"])
    #expect(proxy["configured"] as? Bool == true)
    #expect(proxy["host"] as? String == "proxy.corp" && proxy["port"] as? Int == 3128)
    #expect(proxy["passwordSet"] as? Bool == false)
  }

  @Test func helpRestoreListsItsSubcommands() throws {
    let r = try trsh(["help", "restore"], home: home)
    #expect(r.status == 0)
    #expect(r.stdout.contains("status"), "\(r.stdout)")
    #expect(r.stdout.contains("--no-validate-encryption"))
    let lines = r.stdout.split(separator: "\n")
    let validate = lines.first { $0.contains("--validate-encryption") && !$0.contains("--no-") }
    let noValidate = lines.first { $0.contains("--no-validate-encryption") }
    #expect(validate != nil && noValidate != nil && validate != noValidate, "\(r.stdout)")
  }

  /// An instance left readable by others (made by an older trsh, or opened up by hand) is made
  /// private again the first time trsh uses it.
  @Test func anOpenInstanceIsMadePrivateOnFirstUse() throws {
    let dir = home.file("open")
    #expect(try trsh(["instance", "create", dir, "--version", "4.6"], home: home).status == 0)
    let fm = FileManager.default
    try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
    try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/backups")
    try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/appliance.sqlite")
    try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/secret.key")
    #expect(try trsh(["--instance", dir, "show", "version"], home: home).status == 0)
    func mode(_ path: String) throws -> Int {
      (try fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
    #expect(try mode(dir) == 0o700)
    #expect(try mode(dir + "/backups") == 0o700)
    #expect(try mode(dir + "/appliance.sqlite") == 0o600)
    #expect(try mode(dir + "/secret.key") == 0o600)
  }
}
