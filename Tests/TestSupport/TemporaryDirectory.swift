import Foundation

/// A unique scratch directory under the system temporary directory, removed when the last
/// reference goes (or by `remove()`).
public final class TemporaryDirectory: @unchecked Sendable {  // immutable after init
  public let url: URL
  public var path: String { url.path }

  public init(_ prefix: String = "trsh-tests") {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { remove() }

  /// The path of a file in the directory.
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
  /// The path of a file in the directory (the Appliance tests' spelling).
  public func path(_ name: String) -> String { file(name) }

  /// Writes `text` to a file in the directory; returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  /// Stops the database servers of instances in it, then removes it.
  public func remove() {
    TestEngines.stopServers(under: url)
    try? FileManager.default.removeItem(at: url)
  }

  /// Runs `body` with a fresh directory and removes it afterwards.
  public static func with<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = TemporaryDirectory("trsh-appliance-tests")
    defer { dir.remove() }
    return try body(dir.url)
  }

}
