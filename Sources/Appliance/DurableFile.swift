import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small files that must survive a crash whole or not at all (journals, markers).
enum DurableFile {
  /// Writes `data` to a temporary file, syncs it, renames it over `url` and syncs the directory.
  static func write(_ data: Data, to url: URL) throws {
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try data.write(to: temp)
      try SQLiteStore.syncFile(temp.path)
      guard rename(temp.path, url.path) == 0 else {
        throw ApplianceError.failed(
          "cannot write \(url.path): \(String(cString: strerror(errno)))")
      }
      try SQLiteStore.syncFile(url.deletingLastPathComponent().path)
    } catch {
      unlink(temp.path)
      if let error = error as? ApplianceError { throw error }
      throw ApplianceError.failed("cannot write \(url.path): \(error)")
    }
  }

  /// Removes `url` and syncs its directory, so the removal itself survives a crash.
  static func remove(_ url: URL) {
    guard unlink(url.path) == 0 else { return }
    try? SQLiteStore.syncFile(url.deletingLastPathComponent().path)
  }
}
