import ArgumentParser
import Commands
import Foundation

/// One file the generator owns: its path under the repository and its contents.
struct GeneratedFile {
  var path: String
  var contents: String

  /// Every generated file, from the command model and the example runbooks under `root`.
  static func all(root: URL) -> [GeneratedFile] {
    let catalog = CommandCatalog(root: TrshCommand.self)
    let runbooks = ["upgrade-old.trsh", "upgrade-new.trsh"].map { name in
      let url = root.appendingPathComponent("examples").appendingPathComponent(name)
      let fallback =
        name == "upgrade-old.trsh" ? ManualText.fallbackOldRunbook : ManualText.fallbackNewRunbook
      let text = (try? String(contentsOf: url, encoding: .utf8)) ?? fallback
      return (name: name, text: text)
    }
    return [
      GeneratedFile(path: "completions/trsh.bash", contents: completion(.bash)),
      GeneratedFile(path: "completions/_trsh", contents: completion(.zsh)),
      GeneratedFile(path: "completions/trsh.fish", contents: completion(.fish)),
      GeneratedFile(
        path: "man/trsh.1", contents: ManualPage(catalog: catalog, runbooks: runbooks).source),
    ]
  }

  /// swift-argument-parser's script, ending in exactly one newline.
  static func completion(_ shell: CompletionShell) -> String {
    var script = TrshCommand.completionScript(for: shell)
    while script.hasSuffix("\n") { script.removeLast() }
    return script + "\n"
  }

  /// Whether the file under `directory` exists with exactly these contents.
  func matches(in directory: URL) -> Bool {
    let url = directory.appendingPathComponent(path)
    guard let data = try? Data(contentsOf: url) else { return false }
    return data == Data(contents.utf8)
  }

  func write(in directory: URL) throws {
    let url = directory.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url, options: .atomic)
  }
}
