import Foundation
import TestSupport

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

/// The end-to-end tests' name for the shared scratch directory.
typealias TempDir = TemporaryDirectory
