import Foundation
import Testing

/// Each generated completion script, loaded into the real shell it is for, completes
/// commands, subcommands, options, file paths and values that `trsh` itself supplies.
@Suite struct CompletionScriptTests {
  /// A shell's completion: the line typed before Tab, the candidates offered.
  typealias Complete = (CompletionDriver, String) throws -> [String]

  @Test(
    .enabled(
      if: CompletionDriver.bashCompletionInstalled, "bash or bash-completion is not installed"))
  func bash() throws {
    try checkCompletions { driver, line in try driver.bash(line) }
  }

  @Test(.enabled(if: Repository.tool("zsh") != nil, "zsh is not installed"))
  func zsh() throws {
    try checkCompletions { driver, line in try driver.zsh(line) }
  }

  @Test(.enabled(if: Repository.tool("fish") != nil, "fish is not installed"))
  func fish() throws {
    try checkCompletions { driver, line in try driver.fish(line) }
  }

  @Test func completeValuesRunsOneShot() throws {
    let home = TempDir()
    let instance = try sampleInstance(home)
    let r = try trsh(
      ["complete-values", "alert-sources"], home: home, environment: ["TRSH_INSTANCE": instance])
    #expect(r.status == 0, "\(r.stderr)")
    let names = r.stdout.split(separator: "\n").map(String.init)
    #expect(names.count >= 2, "\(r.stdout)")
    let unknown = try trsh(["complete-values", "no-such-provider"], home: home)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no value provider named 'no-such-provider'"))
  }

  /// Makes a small legacy instance with alert sources to complete.
  func sampleInstance(_ home: TempDir) throws -> String {
    let dir = home.file("old")
    let r = try trsh(
      ["instance", "create", dir, "--version", "4.6", "--sample-data", "5", "--seed", "1"],
      home: home)
    try #require(r.status == 0, "instance create failed: \(r.stderr)")
    return dir
  }

  func checkCompletions(_ complete: Complete) throws {
    let home = TempDir()
    let instance = try sampleInstance(home)
    home.write("runbook.trsh", "show version\n")
    let driver = CompletionDriver(home: home, instance: instance)

    let top = try complete(driver, "trsh ")
    for command in ["show", "instance", "alert-source", "help"] {
      #expect(top.contains(command), "trsh <Tab> lacks \(command): \(top)")
    }
    #expect(!top.contains("complete-values"), "a hidden command is offered: \(top)")

    #expect(try complete(driver, "trsh sh") == ["show"])

    let show = try complete(driver, "trsh show ")
    for subcommand in ["version", "status", "services"] {
      #expect(show.contains(subcommand), "trsh show <Tab> lacks \(subcommand): \(show)")
    }

    let options = try complete(driver, "trsh alert-source enable --")
    for option in ["--all", "--force", "--json"] {
      #expect(options.contains(option), "options lack \(option): \(options)")
    }

    let files = try complete(driver, "trsh -f ")
    #expect(files.contains("runbook.trsh"), "trsh -f <Tab> lacks the file: \(files)")

    // Values that only the instance knows: the script must run `trsh complete-values`.
    let listed = try trsh(
      ["complete-values", "alert-sources"], home: home, environment: ["TRSH_INSTANCE": instance])
    let names = listed.stdout.split(separator: "\n").map(String.init)
    try #require(!names.isEmpty, "the sample instance has no alert sources: \(listed.stderr)")
    let values = try complete(driver, "trsh alert-source enable ")
    for name in names {
      #expect(values.contains(name), "alert source \(name) not offered: \(values)")
    }
  }
}
