import Foundation

@testable import Appliance

/// A scratch directory with helpers to make database images and archives for the archive tests.
final class BackupArchiveFixture {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("backup-archive-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  static let header = BackupHeader(
    applianceVersion: "4.6.2", schemaVersion: 46, hostname: "tr-old.example.com",
    instanceID: "6f1c2a4e-0d1b-4d55-9a43-3f1f0f6b2a11", createdAt: "2026-03-14T09:26:53Z",
    recordCounts: ["alerts": 1_000, "incidents": 120, "sources": 5],
    secretFingerprint: "a1b2c3d4e5f60718",
    sourcesLive: false, includesIncidents: true)

  func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

  /// Database-like bytes: `compressible` gives text rows, otherwise random bytes (stored chunks).
  static func bytes(count: Int, compressible: Bool, seed: UInt64 = 42) -> [UInt8] {
    var generator = BackupTestGenerator(seed: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 256)
    if compressible {
      let words = [
        "phish", "malware", "quarantined", "tap", "smart-search", "open", "closed", "alert",
      ]
      while bytes.count < count {
        let row =
          "\(generator.next() % 1_000_000)|\(words[Int(generator.next() % 8)])|10.\(generator.next() % 256).1.\(generator.next() % 256)|"
          + "user\(generator.next() % 500)@example.com|\(words[Int(generator.next() % 8)])\n"
        bytes += row.utf8
      }
      bytes.removeLast(bytes.count - count)
    } else {
      while bytes.count < count {
        withUnsafeBytes(of: generator.next()) { bytes += $0 }
      }
      bytes.removeLast(bytes.count - count)
    }
    return bytes
  }

  func makeFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let url = url(name)
    try Data(bytes).write(to: url)
    return url
  }

  func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

  /// Writes an archive of `body` and returns its URL and bytes.
  func makeArchive(_ name: String, body: [UInt8]) throws -> (url: URL, bytes: [UInt8]) {
    let source = try makeFile(name + ".db", body)
    let archive = url(name)
    _ = try BackupArchive.write(header: Self.header, body: source, to: archive)
    return (archive, try read(archive))
  }

  /// The error `body` throws, which must be an `ApplianceError`.
  static func error(_ body: () throws -> Void) -> ApplianceError? {
    do {
      try body()
      return nil
    } catch let error as ApplianceError {
      return error
    } catch {
      return .failed("unexpected error type: \(error)")
    }
  }
}
