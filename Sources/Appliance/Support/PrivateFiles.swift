import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files and folders only the instance's owner may read (0600 and 0700), whatever the umask:
/// the database holds password hashes and licence keys, the archives the whole instance.
package enum PrivateFiles {
  /// Creates `url` (and missing parents) and sets it to 0700; an existing folder is set too.
  package static func makeDirectory(_ url: URL) throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    guard chmod(url.path, 0o700) == 0 else {
      throw ApplianceError.failed("cannot protect \(url.path): \(String(cString: strerror(errno)))")
    }
  }

  /// Creates an empty 0600 file (or sets an existing one to 0600), so a database library that
  /// opens it next finds it private: SQLite gives its WAL and shared-memory files the same mode.
  package static func prepare(_ url: URL) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      throw ApplianceError.failed("cannot create \(url.path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    guard fchmod(fd, 0o600) == 0 else {
      throw ApplianceError.failed("cannot protect \(url.path): \(String(cString: strerror(errno)))")
    }
  }

  /// Writes `data` to a new 0600 temporary file beside `url` and renames it over `url`.
  package static func write(_ data: Data, to url: URL, durable: Bool = false) throws {
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    unlink(temp.path)
    do {
      try prepare(temp)
      let handle = try FileHandle(forWritingTo: temp)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      if durable { try handle.synchronize() }
      guard rename(temp.path, url.path) == 0 else {
        throw ApplianceError.failed(
          "cannot write \(url.path): \(String(cString: strerror(errno)))")
      }
    } catch {
      unlink(temp.path)
      if let error = error as? ApplianceError { throw error }
      throw ApplianceError.failed("cannot write \(url.path): \(error)")
    }
  }

  /// When `directory` is readable by others, sets it to 0700 and everything below it to 0600
  /// (folders 0700). Best effort: a file trsh does not own stays as it is. An instance whose
  /// own database server runs as another user (`pgdata`) keeps the group's pass-through bit,
  /// and the server's folder is left to the server.
  package static func tightenIfOpen(_ directory: URL) {
    var info = stat()
    let serverData = directory.appendingPathComponent(serverDataFolder).path
    let keep: mode_t = access(serverData, F_OK) == 0 ? 0o010 : 0
    guard stat(directory.path, &info) == 0, info.st_mode & 0o077 & ~keep != 0 else { return }
    chmod(directory.path, 0o700 | keep)
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return }
    for case let name as String in walker {
      if name == serverDataFolder {
        walker.skipDescendants()
        continue
      }
      let path = directory.appendingPathComponent(name).path
      guard lstat(path, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: chmod(path, 0o700)
      case S_IFREG: chmod(path, 0o600)
      default: break  // links and sockets keep theirs
      }
    }
  }

  /// The folder of an instance's own database server (owned by the server's user).
  package static let serverDataFolder = "pgdata"
}
