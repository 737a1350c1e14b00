import Appliance
import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Shell

@Suite(.engines) struct CompleterTests {
  let catalog = CommandCatalog(root: TrshCommand.self)

  func completer(cwd: String = "/tmp") -> Completer {
    Completer(
      catalog: catalog,
      providerContext: ProviderContext(
        instancePath: URL(fileURLWithPath: "/tmp/none"), environment: [:]),
      workingDirectory: cwd)
  }

  func values(_ line: String, cwd: String = "/tmp") -> [String] {
    completer(cwd: cwd).complete(line).candidates.map(\.value)
  }

  @Test func topLevelWords() {
    let all = values("")
    #expect(all.contains("show"))
    #expect(all.contains("help"))
    #expect(!all.contains("complete-values"))
    #expect(values("sh") == ["show"])
    #expect(values("e").sorted() == ["echo", "exit"])
    #expect(values("zz") == [])
  }

  @Test func subcommandsAfterAGroupEvenAbbreviated() {
    #expect(values("show ").contains("version"))
    #expect(values("sh v") == ["version"])
    #expect(values("shwo ") == [])
  }

  @Test func optionNames() {
    #expect(values("show version --") == ["--help", "--json"])
    #expect(values("show version --j") == ["--json"])
    #expect(!values("show version --json --").contains("--json"))
  }

  @Test func afterASemicolonANewCommandStarts() {
    #expect(values("echo hi; sh") == ["show"])
  }

  @Test func providerValuesComeFromTheSessionsInstance() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trsh-complete-instance-\(UUID())")
    defer { try? FileManager.default.removeItem(at: dir) }
    CommandRegistry.registerProviders()
    let names = try Instance.create(at: dir, version: .legacy, sampleData: 5, seed: 3)
      .alertSourceNames()
    try #require(!names.isEmpty)
    let session = Completer(
      catalog: catalog,
      providerContext: ProviderContext(instancePath: dir, environment: [:]),
      workingDirectory: "/tmp")
    #expect(session.complete("alert-source enable ").candidates.map(\.value) == names.sorted())
    #expect(session.complete("al dis ").candidates.map(\.value) == names.sorted())
    let first = try #require(names.first)
    #expect(
      session.complete("alert-source show \(first.prefix(2))").candidates.contains {
        $0.value == first
      })
    // Another instance has other values (none here: it does not exist).
    #expect(values("alert-source enable ") == [])
  }

  @Test func filePaths() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trsh-complete-\(UUID())")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sub dir"), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(
      atPath: dir.appendingPathComponent("runbook.trsh").path, contents: Data())
    _ = FileManager.default.createFile(
      atPath: dir.appendingPathComponent("notes.txt").path, contents: Data())
    defer { try? FileManager.default.removeItem(at: dir) }
    let c = completer(cwd: dir.path)
    #expect(
      c.files(prefix: "", extensions: [], directoriesOnly: false).map(\.value) == [
        "notes.txt", "runbook.trsh", "sub dir/",
      ])
    #expect(
      c.files(prefix: "r", extensions: [], directoriesOnly: false).map(\.value) == ["runbook.trsh"])
    #expect(
      c.files(prefix: "", extensions: ["trsh"], directoriesOnly: false).map(\.value) == [
        "runbook.trsh", "sub dir/",
      ])
    #expect(c.files(prefix: "", extensions: [], directoriesOnly: true).map(\.value) == ["sub dir/"])
    #expect(
      c.files(prefix: dir.path + "/no", extensions: [], directoriesOnly: false).map(\.value) == [
        dir.path + "/notes.txt"
      ])
    #expect(c.files(prefix: "sub dir/", extensions: [], directoriesOnly: false).isEmpty)
    #expect(c.files(prefix: "r", extensions: [], directoriesOnly: false).first?.isFinal == true)
    #expect(c.files(prefix: "s", extensions: [], directoriesOnly: false).first?.isFinal == false)
  }

  @Test func helpArgumentsCompleteCommandWords() {
    // `help` takes command words; it has no completion kind, so nothing is offered blindly.
    #expect(values("help sh") == [])
  }

  @Test func commonPrefix() {
    let c = Completion(
      prefix: "e", candidates: [Candidate("echo"), Candidate("exit")], inQuote: false)
    #expect(c.commonPrefix == "e")
    let d = Completion(
      prefix: "", candidates: [Candidate("version"), Candidate("verify")], inQuote: false)
    #expect(d.commonPrefix == "ver")
  }

  @Test func questionMarkListing() {
    let text = HelpLister.render(completer().help("show "))
    #expect(text.contains("version"))
    #expect(text.contains("Show the trsh version"))
    #expect(
      HelpLister.render(HelpListing(entries: [], verdict: .runnable)).contains("<Enter>"))
    #expect(HelpLister.render(completer().help("zz")).contains("no match for 'zz'"))
  }

  @Test func optionValuesComplete() {
    // A command's own --version option (not the root's --version flag) takes a value.
    #expect(values("instance create X --version ") == ["4.6", "5.x"])
    #expect(values("instance create X --version 4") == ["4.6"])
    #expect(values("inst cr X --vers") == ["--version"])
    // Provider values for an option, and for a group's default subcommand.
    CommandRegistry.registerProviders()
    #expect(values("settings copy --section Setup/N").contains("Setup/NTP"))
  }

  @Test func optionFileValues() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trsh-complete-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(
      atPath: dir.appendingPathComponent("old.json").path, contents: Data())
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(values("settings copy --from ", cwd: dir.path) == ["old.json"])
    #expect(values("secret export --output o", cwd: dir.path) == ["old.json"])
  }
}
