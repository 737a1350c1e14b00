import Foundation
import TestSupport
import Testing

/// `scripts/install.sh` puts the binary, man page and completion scripts where bash-completion,
/// zsh and fish look for them (under DESTDIR), and uninstall removes exactly those.
@Suite(.engines) struct InstallScriptTests {
  static let installed = [
    "usr/local/bin/trsh", "usr/local/share/man/man1/trsh.1",
    "usr/local/share/bash-completion/completions/trsh",
    "usr/local/share/zsh/site-functions/_trsh",
    "usr/local/share/fish/vendor_completions.d/trsh.fish",
  ]

  @Test func installsUnderDestdirAndUninstallsExactlyThose() throws {
    let dest = TempDir()
    let script = Repository.path("scripts/install.sh")
    let env = ["DESTDIR": dest.path, "TRSH_BINARY": Binaries.trsh]
    let install = try run(script, ["install", "/usr/local"], environment: env)
    #expect(install.status == 0, "\(install.stderr)")
    for file in Self.installed {
      #expect(FileManager.default.fileExists(atPath: dest.file(file)), "\(file) not installed")
    }
    let binary = try FileManager.default.attributesOfItem(atPath: dest.file("usr/local/bin/trsh"))
    #expect((binary[.posixPermissions] as? Int) == 0o755)
    let page = try Data(
      contentsOf: URL(fileURLWithPath: dest.file("usr/local/share/man/man1/trsh.1")))
    let committed = try Data(contentsOf: URL(fileURLWithPath: Repository.path("man/trsh.1")))
    #expect(page == committed)

    // Something else in the same directories survives the uninstall.
    let neighbour = dest.write("usr/local/bin/other", "keep")
    let uninstall = try run(script, ["uninstall", "/usr/local"], environment: env)
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    for file in Self.installed {
      #expect(!FileManager.default.fileExists(atPath: dest.file(file)), "\(file) left behind")
    }
    #expect(FileManager.default.fileExists(atPath: neighbour))
  }

  @Test func refusesWithoutTheBinaryAndRejectsUnknownActions() throws {
    let dest = TempDir()
    let script = Repository.path("scripts/install.sh")
    let missing = try run(
      script, ["install", "/usr/local"],
      environment: ["DESTDIR": dest.path, "TRSH_BINARY": dest.file("no-such-trsh")])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("make release"), "\(missing.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dest.file("usr/local/share/man/man1/trsh.1")))
    let wrong = try run(script, ["reinstall", "/usr/local"])
    #expect(wrong.status == 2)
  }
}
