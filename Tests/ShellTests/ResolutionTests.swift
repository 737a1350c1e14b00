import Appliance
import Commands
import TestSupport
import Testing

@testable import Shell

@Suite(.engines) struct ResolutionTests {
  let catalog = CommandCatalog(root: TrshCommand.self)

  @Test func exactAndAbbreviatedWords() throws {
    let r = try catalog.resolve(["sh", "ver", "--json"])
    #expect(r.path == ["show", "version"])
    #expect(r.arguments == ["--json"])
    #expect(try catalog.resolve(["echo", "sh"]).arguments == ["sh"])
  }

  @Test func ambiguousPrefixListsCandidates() {
    do {
      _ = try catalog.resolve(["e", "x"])
      Issue.record("expected an error")
    } catch let error as ApplianceError {
      #expect(error.kind == .usage)
      #expect(error.message.contains("ambiguous"))
      #expect(error.message.contains("echo"))
      #expect(error.message.contains("exit"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func unknownWordSuggestsTheNearest() {
    do {
      _ = try catalog.resolve(["shwo", "version"])
      Issue.record("expected an error")
    } catch let error as ApplianceError {
      #expect(error.kind == .usage)
      #expect(error.message.contains("unknown command 'shwo'"))
      #expect(error.message.contains("Did you mean: show"))
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try catalog.resolve(["show", "verison"])
      Issue.record("expected an error")
    } catch let error as ApplianceError {
      #expect(error.message.contains("'show verison'"))
      #expect(error.message.contains("version"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func hiddenCommandsAreNotAbbreviated() throws {
    #expect(throws: ApplianceError.self) { try catalog.resolve(["complete-v", "x"]) }
    #expect(try catalog.resolve(["complete-values", "x"]).path == ["complete-values"])
  }

  @Test func editDistance() {
    #expect(EditDistance.between("show", "show") == 0)
    #expect(EditDistance.between("shwo", "show") == 1)
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("kitten", "sitting") == 3)
  }

  @Test func launchOptionsMirrorTheRootCommand() throws {
    let root = catalog.root.arguments.filter { $0.kind != .positional }
    let modelSpellings = Set(root.flatMap(\.spellings))
    // The root also gets swift-argument-parser's own --help/--version.
    #expect(
      modelSpellings.subtracting(["--help", "-h", "--version"])
        == LaunchOptions.spellings.subtracting(["--help", "-h", "--version"]))
    let parsed = try LaunchOptions([
      "--instance", "/tmp/x", "--json", "-y", "show", "version", "--json",
    ])
    #expect(parsed.instance == "/tmp/x")
    #expect(parsed.json && parsed.yes)
    #expect(parsed.commandWords == ["show", "version", "--json"])
    #expect(throws: ApplianceError.self) { try LaunchOptions(["--bogus"]) }
  }
}
