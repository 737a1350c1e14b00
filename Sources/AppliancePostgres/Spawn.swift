import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to its end with posix_spawn and waitpid, stdin from /dev/null and stdout
/// plus stderr captured (Foundation's `Process` could miss the exit of a child whose own
/// child, the database server, lives on).
enum Spawn {
  static func run(_ command: [String]) throws -> (status: Int32, output: String) {
    // From `/`: the service user may not be allowed into trsh's working directory.
    let argv = ["/bin/sh", "-c", "cd / && exec \"$@\"", "sh"] + command
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw failure(command[0]) }
    // Close-on-exec for both ends here: the child gets the write end only as its 1 and 2.
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    closeOnExec()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
    close(fds[1])
    guard spawned == 0 else {
      close(fds[0])
      errno = spawned
      throw failure(command[0])
    }
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(fds[0], &buffer, buffer.count)
      if n > 0 {
        output.append(contentsOf: buffer[0..<n])
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitCode, String(decoding: output, as: UTF8.self))
  }

  /// Marks every descriptor above stderr close-on-exec: a server started through the child
  /// must not hold what trsh inherited (a caller waiting for trsh's pipes or exit-watch
  /// socket to close would wait for the server instead).
  private static func closeOnExec() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
    else { return }
    for fd in names.compactMap(Int32.init) where fd > 2 {
      let flags = fcntl(fd, F_GETFD)
      if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
    }
  }

  private static func failure(_ program: String) -> ApplianceError {
    ApplianceError.failed("cannot run \(program): \(String(cString: strerror(errno)))")
  }
}
