import Foundation

/// The package's source tree (where the committed generated files live) and tools on PATH.
enum Repository {
  /// The package root, found from this file's path.
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// The built documentation generator, beside trsh.
  static var docgen: String { Binaries.directory.appendingPathComponent("trsh-docgen").path }

  /// The full path of a program on PATH, or nil when it is not installed.
  static func tool(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") + ["/usr/bin", "/bin", "/usr/sbin"] {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
