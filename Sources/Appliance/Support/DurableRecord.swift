import Foundation

/// A small JSON record an interrupted operation leaves behind for the next process to read:
/// written whole or not at all (`DurableFile`), read back as nil when missing or unreadable.
protocol DurableRecord: Codable {}

extension DurableRecord {
  static func load(from url: URL) -> Self? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(Self.self, from: data)
  }

  func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try DurableFile.write(try encoder.encode(self), to: url)
  }
}
