import Foundation
import TestSupport
import Testing

/// The committed completion scripts and man page are what the command model produces now.
@Suite(.engines) struct DocsStalenessTests {
  static let generated = [
    "completions/trsh.bash", "completions/_trsh", "completions/trsh.fish", "man/trsh.1",
  ]

  @Test func committedFilesMatchTheCommandModel() throws {
    let out = TempDir()
    let r = try run(Repository.docgen, ["--root", Repository.root.path, "--output", out.path])
    try #require(r.status == 0, "trsh-docgen failed: \(r.stderr)")
    var stale: [String] = []
    for file in Self.generated {
      let fresh = try String(contentsOfFile: out.file(file), encoding: .utf8)
      let committed = try? String(contentsOfFile: Repository.path(file), encoding: .utf8)
      if committed != fresh { stale.append(file) }
    }
    #expect(
      stale.isEmpty,
      "stale generated files: \(stale.joined(separator: ", ")); run `make generate` and commit them"
    )
  }

  @Test func checkModeNamesTheStaleFileAndTheRegenerateCommand() throws {
    let root = TempDir()
    let generate = try run(Repository.docgen, ["--root", root.path])
    try #require(generate.status == 0, "\(generate.stderr)")
    let clean = try run(Repository.docgen, ["--root", root.path, "--check"])
    #expect(clean.status == 0, "\(clean.stderr)")

    let page = root.file("man/trsh.1")
    let text = try String(contentsOfFile: page, encoding: .utf8)
    try (text + ".\\\" edited by hand\n").write(toFile: page, atomically: true, encoding: .utf8)
    let stale = try run(Repository.docgen, ["--root", root.path, "--check"])
    #expect(stale.status == 1)
    #expect(stale.stderr.contains("stale: man/trsh.1"), "\(stale.stderr)")
    #expect(!stale.stderr.contains("stale: completions/"), "\(stale.stderr)")
    #expect(stale.stderr.contains("make generate"), "\(stale.stderr)")
  }

  @Test func outputIsDeterministic() throws {
    let first = TempDir()
    let second = TempDir()
    for dir in [first, second] {
      let r = try run(Repository.docgen, ["--root", Repository.root.path, "--output", dir.path])
      try #require(r.status == 0, "\(r.stderr)")
    }
    for file in Self.generated {
      let a = try Data(contentsOf: first.url.appendingPathComponent(file))
      let b = try Data(contentsOf: second.url.appendingPathComponent(file))
      #expect(a == b, "\(file) differs between two runs")
    }
  }
}
