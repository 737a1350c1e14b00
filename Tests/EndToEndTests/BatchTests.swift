import Foundation
import TestSupport
import Testing

@Suite(.engines) struct BatchTests {
  @Test func scriptWithCommentsBlankLinesAndQuotes() throws {
    let home = TempDir()
    let script = """
      # a runbook
      echo hello   world

      echo 'single quoted  kept' "double \\"quoted\\""   # trailing comment
      echo a\\ b; echo c
      echo continued \\
        line
      """
    let r = try trsh([], stdin: script, home: home)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout == "hello world\nsingle quoted  kept double \"quoted\"\na b\nc\ncontinued line\n")
    #expect(r.stderr.isEmpty)
  }

  @Test func stopsAtTheFirstFailingLine() throws {
    let home = TempDir()
    let file = home.write("run.trsh", "echo one\n\n# comment\nshow versoin\necho never\n")
    let r = try trsh(["-f", file], home: home)
    #expect(r.status == 2)
    #expect(r.stdout == "one\n")
    #expect(r.stderr.hasPrefix("\(file):4: unknown command 'show versoin'"), "\(r.stderr)")
    #expect(r.stderr.contains("Did you mean: version?"))
  }

  @Test func stdinErrorsAreLabelled() throws {
    let home = TempDir()
    let r = try trsh([], stdin: "echo ok\nexit 7\necho never\n", home: home)
    #expect(r.status == 7)
    #expect(r.stdout == "ok\n")
    let bad = try trsh([], stdin: "echo ok\necho \"open\n", home: home)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("<stdin>:2: column 6: unterminated double quote"), "\(bad.stderr)")
    // A quote on a continued line: its own line and column.
    let continued = try trsh([], stdin: "echo a \\\necho \"open\n", home: home)
    #expect(
      continued.stderr.contains("<stdin>:2: column 6: unterminated double quote"),
      "\(continued.stderr)")
  }

  @Test func keepGoingRunsEveryLineAndKeepsTheFailure() throws {
    let home = TempDir()
    let r = try trsh(
      ["--keep-going"], stdin: "echo a\nbogus\necho b\nhistory -1\necho c\n", home: home)
    #expect(r.stdout == "a\nb\nc\n")
    #expect(r.status == 2)
    #expect(r.stderr.contains("<stdin>:2: unknown command 'bogus'"))
    #expect(r.stderr.contains("<stdin>:4: "))
  }

  @Test func dashC() throws {
    let home = TempDir()
    let r = try trsh(["-c", "echo one; echo two\necho three"], home: home)
    #expect(r.status == 0)
    #expect(r.stdout == "one\ntwo\nthree\n")
    let bad = try trsh(["-c", "echo one\nsh nope"], home: home)
    #expect(bad.status == 2)
    #expect(bad.stderr.hasPrefix("-c:2: unknown command 'show nope'"), "\(bad.stderr)")
  }

  @Test func oneShotWithAbbreviationAndJSON() throws {
    let home = TempDir()
    #expect(
      try trsh(["instance", "create", home.file("data") + "/trsh/default"], home: home).status == 0)
    let r = try trsh(["sh", "ver"], home: home)
    #expect(r.status == 0)
    #expect(r.stdout.contains("trsh:"))
    let j = try trsh(["--json", "show", "version"], home: home)
    let object = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
    #expect(object?["trsh"] as? String != nil)
    let j2 = try trsh(["echo", "a", "b", "--json"], home: home)
    let m = try JSONSerialization.jsonObject(with: Data(j2.stdout.utf8)) as? [String: Any]
    #expect(m?["message"] as? String == "a b")
  }

  @Test func errorsAsJSON() throws {
    let home = TempDir()
    let r = try trsh(["--json", "show", "nothing"], home: home)
    #expect(r.status == 2)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect((object?["error"] as? String)?.contains("unknown command") == true)
    #expect(object?["exitCode"] as? Int == 2)
  }

  @Test func usageErrorsExitTwoWithUsage() throws {
    let home = TempDir()
    let r = try trsh(["history", "--bogus"], home: home)
    #expect(r.status == 2)
    #expect(r.stderr.contains("--bogus"))
    #expect(r.stderr.contains("usage:"))
    let group = try trsh(["show"], home: home)
    #expect(group.status == 2)
    #expect(group.stderr.contains("'show' needs a subcommand: version"))
  }

  @Test func helpAndVersionAndFind() throws {
    let home = TempDir()
    let v = try trsh(["--version"], home: home)
    #expect(v.stdout.hasPrefix("trsh "))
    let h = try trsh(["--help"], home: home)
    #expect(h.stdout.contains("USAGE") || h.stdout.contains("Usage"))
    let help = try trsh(["help"], home: home)
    #expect(help.stdout.contains("show"))
    #expect(help.stdout.contains("find"))
    let one = try trsh(["help", "sh", "ver"], home: home)
    #expect(one.stdout.contains("--json"))
    let find = try trsh(["find", "VERSION"], home: home)
    #expect(find.stdout.contains("show version"))
    let lineHelp = try trsh(["-c", "show version --help"], home: home)
    #expect(lineHelp.status == 0)
    #expect(lineHelp.stdout.contains("--json"))
  }

  @Test func utf8RoundTrip() throws {
    let home = TempDir()
    let r = try trsh(["-c", "echo 'Grüße ✓' 日本"], home: home)
    #expect(r.stdout == "Grüße ✓ 日本\n")
  }
}
