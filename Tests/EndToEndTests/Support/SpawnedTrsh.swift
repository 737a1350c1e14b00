import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Runs trsh like `trsh(_:home:)`, but with posix_spawn and waitpid, output through files and
/// no signal blocked: for commands that start database servers and daemons (cluster tests),
/// whose detached grandchildren could keep Foundation's Process from ever reaping trsh.
func spawnedTrsh(_ arguments: [String], home: TempDir) throws -> RunResult {
  let id = UUID().uuidString
  let outPath = home.file("out-\(id)")
  let errPath = home.file("err-\(id)")
  defer {
    unlink(outPath)
    unlink(errPath)
  }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  env["HOME"] = home.path
  env["XDG_STATE_HOME"] = home.file("state")
  env["XDG_DATA_HOME"] = home.file("data")
  env["XDG_CONFIG_HOME"] = home.file("config")
  let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { envp.forEach { free($0) } }
  let argv: [UnsafeMutablePointer<CChar>?] =
    ([Binaries.trsh] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
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
  let rc = posix_spawn(&pid, Binaries.trsh, &actions, &attributes, argv, envp)
  guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let exited = status & 0x7f == 0
  return RunResult(
    status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
    stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
    stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}
