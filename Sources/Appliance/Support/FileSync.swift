import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// fsync by path: files before a rename makes them live, directories after it.
public enum FileSync {
  public static func sync(_ path: String) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw ApplianceError.failed("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    guard fsync(fd) == 0 else {
      throw ApplianceError.failed("cannot sync \(path): \(String(cString: strerror(errno)))")
    }
  }
}
