import Foundation

/// A unique directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init(_ prefix: String = "trsh-appliance-tests") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of a file in the directory.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// Runs `body` with a fresh directory and removes it afterwards.
  static func with<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    return try body(dir.url)
  }
}
