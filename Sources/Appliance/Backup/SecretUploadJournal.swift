import Foundation

/// The journal of a `secret upload` in progress (`secret-upload.journal`): present from before
/// the fields are re-encrypted until the new secret is installed, so a later process can finish
/// or roll back an upload that died in between.
struct SecretUploadJournal: Codable, Equatable {
  var oldFingerprint: String
  var newFingerprint: String
  var startedAt: String

  static func load(from url: URL) -> SecretUploadJournal? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(SecretUploadJournal.self, from: data)
  }

  func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try DurableFile.write(try encoder.encode(self), to: url)
  }
}
