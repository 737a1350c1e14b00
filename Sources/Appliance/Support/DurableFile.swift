import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small files that must survive a crash whole or not at all (journals, markers).
enum DurableFile {
  /// Writes `data` to a private temporary file, syncs it, renames it over `url` and syncs the
  /// directory.
  static func write(_ data: Data, to url: URL) throws {
    try PrivateFiles.write(data, to: url, durable: true)
    try FileSync.sync(url.deletingLastPathComponent().path)
  }

  /// Removes `url` and syncs its directory, so the removal itself survives a crash.
  static func remove(_ url: URL) {
    guard unlink(url.path) == 0 else { return }
    try? FileSync.sync(url.deletingLastPathComponent().path)
  }
}
