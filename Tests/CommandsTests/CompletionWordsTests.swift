import Foundation
import TestSupport
import Testing

@testable import Commands

/// Value providers find the instance named on the line being completed.
@Suite(.engines) struct CompletionWordsTests {
  func instance(_ words: [String]) -> String? { CompletionWords(words).instance }

  @Test func readsTheRootInstanceOption() {
    #expect(instance(["trsh", "alert-source", "enable", ""]) == nil)
    #expect(
      instance(["trsh", "--instance", "/srv/new", "alert-source", "enable", ""]) == "/srv/new")
    #expect(instance(["trsh", "--instance=/srv/new", "alert-source", "enable", ""]) == "/srv/new")
    // bash splits at '=' (COMP_WORDBREAKS).
    #expect(instance(["trsh", "--instance", "=", "/srv/new", "alert-source", ""]) == "/srv/new")
    // Other root options and their values are skipped; the last --instance wins, as in parsing.
    #expect(
      instance(["trsh", "--json", "-c", "--instance x", "--instance", "b", "--instance", "c", ""])
        == "c")
    // Words after the command are the command's, not the root's.
    #expect(instance(["trsh", "settings", "copy", "--instance", "/x", ""]) == nil)
    #expect(instance(["trsh", "--", "--instance", "/x"]) == nil)
  }

  @Test func removesTheShellsQuoting() {
    #expect(instance(["trsh", "--instance", "'/srv/my dir'", "backup", ""]) == "/srv/my dir")
    #expect(instance(["trsh", "--instance", #""/srv/a \"b\"""#, "backup", ""]) == #"/srv/a "b""#)
    #expect(instance(["trsh", "--instance", #"/srv/my\ dir"#, "backup", ""]) == "/srv/my dir")
    for path in ["/tmp/it's", #"/a\b"#, "/plain", "/x y/\"z\""] {
      #expect(CompletionWords.unquoted(CompletionWords.quoted(path)) == path)
    }
  }

  @Test func resolvesTheInstanceLikeTheShell() {
    let environment = ["TRSH_INSTANCE": "/srv/default", "HOME": "/home/admin"]
    let named = CompletionWords(["trsh", "--instance", "~/inst", "backup", ""])
    #expect(named.providerContext(environment: environment).instancePath.path == "/home/admin/inst")
    let unnamed = CompletionWords(["trsh", "backup", ""])
    #expect(unnamed.providerContext(environment: environment).instancePath.path == "/srv/default")
  }

  @Test func rootValueOptionsMatchTheModel() {
    let catalog = CommandCatalog(root: TrshCommand.self)  // nodes hold it weakly
    let root = catalog.root.arguments
    let options = Set(root.filter { $0.kind == .option }.flatMap(\.spellings))
    #expect(options == CompletionWords.rootValueOptions)
  }
}
