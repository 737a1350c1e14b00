import ArgumentParser
import Commands
import Foundation

/// `trsh-docgen`: writes the completion scripts and the man page from the command model.
@main
struct DocGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trsh-docgen",
    abstract: "Generate trsh's bash, zsh and fish completion scripts and its man page.",
    discussion: """
      Reads the example runbooks from ROOT/examples and writes completions/trsh.bash, \
      completions/_trsh, completions/trsh.fish and man/trsh.1 under the output directory.
      """)

  @Option(help: "The repository root, where examples/ is read.", completion: .directory)
  var root = "."

  @Option(help: "Where to write the files (default: the root).", completion: .directory)
  var output: String?

  @Flag(help: "Write nothing; fail when a file under the output directory differs.")
  var check = false

  func run() throws {
    let rootURL = URL(fileURLWithPath: root, isDirectory: true)
    let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? rootURL
    let files = GeneratedFile.all(root: rootURL)
    if check {
      let stale = files.filter { !$0.matches(in: outputURL) }
      guard stale.isEmpty else {
        var message = stale.map { "stale: \($0.path)" }.joined(separator: "\n")
        message += "\nThe generated files differ from the command model; "
        message += "run `make generate` (scripts/generate.sh) and commit the result."
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(1)
      }
      return
    }
    for file in files {
      try file.write(in: outputURL)
    }
  }
}
