import Commands
import Foundation
import TestSupport
import Testing

/// `man/trsh.1` is clean mdoc, renders with man(1), and documents every command.
@Suite(.engines) struct ManualPageTests {
  static let page = Repository.path("man/trsh.1")

  /// The visible top-level commands of the model.
  static var topLevelCommands: [String] {
    CommandCatalog(root: TrshCommand.self).root.children.filter(\.isVisible).map(\.name)
  }

  @Test(
    .enabled(
      if: Repository.tool("mandoc") != nil, "mandoc is not installed (make test installs it)"))
  func passesMandocLint() throws {
    let mandoc = try #require(Repository.tool("mandoc"))
    let r = try run(mandoc, ["-T", "lint", "-W", "warning", Self.page])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.isEmpty && r.stderr.isEmpty, "mandoc lint:\n\(r.stdout)\(r.stderr)")
  }

  @Test(
    .enabled(if: Repository.tool("man") != nil, "man-db is not installed (make test installs it)"))
  func rendersWithManAndNamesEveryTopLevelCommand() throws {
    let man = try #require(Repository.tool("man"))
    let r = try run(
      man, ["-l", Self.page],
      environment: ["MANPAGER": "cat", "MANWIDTH": "100", "LC_ALL": "C.UTF-8"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "man -l reported:\n\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").count > 100, "the rendered page is too short")
    for section in [
      "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "INTERACTIVE USE", "BATCH MODE",
      "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO",
    ] {
      #expect(r.stdout.contains("\n\(section)\n"), "no \(section) section")
    }
    let commands = Self.topLevelCommands
    #expect(commands.contains("show") && commands.contains("alert-source"))
    for command in commands {
      #expect(r.stdout.contains("\n   \(command)\n"), "no subsection for \(command)")
    }
  }

  @Test func documentsEverySubcommandAndItsOptions() throws {
    let source = try String(contentsOfFile: Self.page, encoding: .utf8)
    let catalog = CommandCatalog(root: TrshCommand.self)
    for node in catalog.allNodes
    where !node.isGroup && node.isVisible && node.parent?.isVisible != false {
      #expect(source.contains(".Cm \(node.path.joined(separator: " "))\n"), "\(node.path) missing")
    }
    #expect(source.contains(".It Fl -all\n"), "alert-source options missing")
    for status in ["0", "1", "2", "3", "4", "5", "130"] {
      #expect(source.contains("\n.It \(status)\n"), "exit status \(status) missing")
    }
    for variable in ["TRSH_INSTANCE", "XDG_DATA_HOME", "XDG_STATE_HOME", "NO_COLOR"] {
      #expect(source.contains(".It Ev \(variable)\n"))
    }
  }
}
