import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with posix_spawn and waitpid, output captured through a file.
///
/// Used for tmux: its server daemonizes from the client, and Foundation's Process
/// could leave the exited client unreaped.
func spawnAndWait(_ executable: String, _ arguments: [String]) throws -> RunResult {
  let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
    "spawn-\(UUID().uuidString)"
  ).path
  defer { unlink(outPath) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  // The test runner's threads block most signals, and a child inherits that mask: a tmux
  // server started so never saw SIGCHLD, never reaped its pane and ignored kill-server,
  // leaving one server behind per interactive test. The child starts with no signal blocked
  // and every signal at its default.
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
  guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let exited = status & 0x7f == 0
  return RunResult(
    status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: output, stderr: "")
}
