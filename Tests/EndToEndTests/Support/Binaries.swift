import Foundation

/// Where the built executables are (next to the test bundle, or `$TRSH_BIN_DIR`).
enum Binaries {
  static let directory: URL = {
    if let dir = ProcessInfo.processInfo.environment["TRSH_BIN_DIR"] {
      return URL(fileURLWithPath: dir)
    }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    // The bundle is `.build/<triple>/debug/trshPackageTests.xctest` (a file on Linux).
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("trsh").path) {
        return url
      }
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug")
  }()

  static var trsh: String { directory.appendingPathComponent("trsh").path }
  static var overcastd: String { directory.appendingPathComponent("overcastd").path }
}

/// A scratch directory removed when the test ends.
final class TempDir: @unchecked Sendable {  // immutable after init
  let url: URL
  var path: String { url.path }

  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trsh-e2e-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ name: String) -> String { url.appendingPathComponent(name).path }

  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }
}
