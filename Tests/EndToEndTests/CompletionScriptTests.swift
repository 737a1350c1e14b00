import Foundation
import TestSupport
import Testing

/// Each generated completion script, loaded into the real shell it is for, completes
/// commands, subcommands, options, file paths and values that `trsh` itself supplies.
@Suite(.engines) struct CompletionScriptTests {
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

  @Test(
    .enabled(
      if: CompletionDriver.bashCompletionInstalled, "bash or bash-completion is not installed"))
  func bashAsksTheInstanceOnTheLine() throws {
    // bash splits `--instance=DIR` at the '=' (COMP_WORDBREAKS), and argument-parser's bash
    // script then takes '=' for the value: it finds no subcommand after `--instance=DIR` at all.
    try checkInstanceOnTheLine(spellings: ["--instance "]) { driver, line in
      try driver.bash(line)
    }
  }

  @Test(.enabled(if: Repository.tool("zsh") != nil, "zsh is not installed"))
  func zshAsksTheInstanceOnTheLine() throws {
    // argument-parser's zsh spec `--instance[...]:instance:...` takes the value in the next
    // word only: after `--instance=DIR` zsh completes nothing, whatever trsh would answer.
    try checkInstanceOnTheLine(spellings: ["--instance "]) { driver, line in
      try driver.zsh(line)
    }
  }

  @Test(.enabled(if: Repository.tool("fish") != nil, "fish is not installed"))
  func fishAsksTheInstanceOnTheLine() throws {
    try checkInstanceOnTheLine { driver, line in try driver.fish(line) }
  }

  @Test(
    .enabled(
      if: CompletionDriver.bashCompletionInstalled, "bash or bash-completion is not installed"))
  func bashOffersVersionOnlyAtTheRoot() throws {
    try checkVersionOnlyAtTheRoot { driver, line in try driver.bash(line) }
  }

  @Test(.enabled(if: Repository.tool("zsh") != nil, "zsh is not installed"))
  func zshOffersVersionOnlyAtTheRoot() throws {
    try checkVersionOnlyAtTheRoot { driver, line in try driver.zsh(line) }
  }

  @Test(.enabled(if: Repository.tool("fish") != nil, "fish is not installed"))
  func fishOffersVersionOnlyAtTheRoot() throws {
    try checkVersionOnlyAtTheRoot { driver, line in try driver.fish(line) }
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

  /// The alert-source names of an instance, as `trsh complete-values` lists them.
  func alertSources(_ instance: String, _ home: TempDir) throws -> Set<String> {
    let r = try trsh(["--instance", instance, "complete-values", "alert-sources"], home: home)
    try #require(r.status == 0, "\(r.stderr)")
    return Set(r.stdout.split(separator: "\n").map(String.init))
  }

  /// Dynamic values come from the instance named on the line, not the default one.
  func checkInstanceOnTheLine(
    spellings: [String] = ["--instance ", "--instance="], _ complete: Complete
  ) throws {
    let home = TempDir()
    let first = home.file("first")
    let second = home.file("second")
    for (dir, seed) in [(first, "1"), (second, "7")] {
      let r = try trsh(
        ["instance", "create", dir, "--version", "4.6", "--sample-data", "10", "--seed", seed],
        home: home)
      try #require(r.status == 0, "instance create failed: \(r.stderr)")
    }
    let firstNames = try alertSources(first, home)
    let secondNames = try alertSources(second, home)
    try #require(
      !secondNames.isEmpty && !secondNames.subtracting(firstNames).isEmpty,
      "the two instances need different alert sources: \(firstNames) \(secondNames)")
    // The default instance (TRSH_INSTANCE) is the first one.
    let driver = CompletionDriver(home: home, instance: first)
    #expect(Set(try complete(driver, "trsh alert-source enable ")) == firstNames)
    for spelling in spellings {
      let line = "trsh \(spelling)\(second) alert-source enable "
      #expect(Set(try complete(driver, line)) == secondNames, "\(line)")
    }
    let line = "trsh --json --instance \(second) alert-source show "
    #expect(Set(try complete(driver, line)) == secondNames, "\(line)")
  }

  /// Only the root takes `--version`; `instance create` has its own `--version VERSION`.
  func checkVersionOnlyAtTheRoot(_ complete: Complete) throws {
    let home = TempDir()
    let driver = CompletionDriver(home: home)
    #expect(try complete(driver, "trsh --").contains("--version"))
    for line in ["trsh backup create --", "trsh show version --", "trsh alert-source enable --"] {
      let offered = try complete(driver, line)
      #expect(offered.contains("--json"), "\(line): \(offered)")
      #expect(!offered.contains("--version"), "\(line) offers --version: \(offered)")
    }
    let create = try complete(driver, "trsh instance create dir --")
    #expect(create.filter { $0 == "--version" }.count == 1, "\(create)")
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
