import Foundation

/// A unique directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("trsh-appliance-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// Runs `body` with a fresh directory and removes it afterwards.
  static func with<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    return try body(dir.url)
  }
}
