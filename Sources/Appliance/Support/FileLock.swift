import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a file: held while a crash-sensitive operation runs, so another
/// process that can take it knows the holder is gone (the kernel drops it when a process dies).
///
/// The lock file itself is never removed: unlinking it would let two processes lock two
/// different files of the same name.
final class FileLock {
  private var descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { release() }

  /// Takes the lock without waiting; nil when another open file description holds it.
  static func tryAcquire(_ url: URL) throws -> FileLock? {
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw ApplianceError.failed(
        "cannot open the lock file \(url.path): \(String(cString: strerror(errno)))")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let reason = errno
      close(fd)
      if reason == EWOULDBLOCK { return nil }
      throw ApplianceError.failed(
        "cannot lock \(url.path): \(String(cString: strerror(reason)))")
    }
    return FileLock(descriptor: fd)
  }

  /// Drops the lock (closing the descriptor releases it).
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }
}
