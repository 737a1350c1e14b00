import Foundation
import TestSupport
import Testing

/// Only the root command takes `--version`: no subcommand's help advertises a flag it refuses,
/// and `instance create` shows its own `--version` (the appliance version) once.
@Suite(.engines) struct VersionFlagTests {
  /// The lines of a help text that describe a `--version` option or flag (usage lines aside).
  func versionLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("--version")
    }
  }

  @Test func instanceCreateShowsOnlyItsOwnVersionOption() throws {
    let home = TempDir()
    for words in [["help", "instance", "create"], ["instance", "create", "--help"]] {
      let r = try trsh(words, home: home)
      #expect(r.status == 0, "\(words): \(r.stderr)")
      let lines = versionLines(r.stdout)
      #expect(lines.count == 1, "\(words): \(lines)")
      #expect(lines.first?.contains("appliance version") == true, "\(words): \(lines)")
    }
  }

  @Test func subcommandsAdvertiseNoVersionFlag() throws {
    let home = TempDir()
    for words in [
      ["help", "backup", "create"], ["backup", "create", "--help"], ["help", "show", "version"],
      ["help", "alert-source", "enable"], ["help", "backup"],
    ] {
      let r = try trsh(words, home: home)
      #expect(r.status == 0, "\(words): \(r.stderr)")
      #expect(versionLines(r.stdout).isEmpty, "\(words) advertises --version:\n\(r.stdout)")
    }
  }

  @Test func theRootStillTakesVersion() throws {
    let home = TempDir()
    let r = try trsh(["--version"], home: home)
    #expect(r.status == 0 && r.stdout.hasPrefix("trsh "), "\(r.stdout)\(r.stderr)")
    let help = try trsh(["--help"], home: home)
    #expect(versionLines(help.stdout).count == 1, "\(help.stdout)")
    // A subcommand refuses it, as its help now says.
    let refused = try trsh(["backup", "create", "--version"], home: home)
    #expect(refused.status == 2, "\(refused.stderr)")
  }
}
