import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A named pipe (or a process substitution) given where trsh reads a file never leaves it stuck
/// in `open()`: archives must be regular files (exit 4, said plainly); small inputs (secrets,
/// values, settings, CA bundles) may come through a pipe that has a writer, and Ctrl-C or SIGTERM
/// ends any wait.
@Suite(.engines) struct FifoInputTests {
  /// An old instance (with a backup and its exported secret unless `archives` is false), a new
  /// instance, and a named pipe nobody writes to.
  final class Fixture {
    let home = TempDir()
    var old: String { home.file("old") }
    var new: String { home.file("new") }
    var backup: String { home.file("good.trbk") }
    var key: String { home.file("old.key") }
    let fifo: String

    init(archives: Bool = true) throws {
      fifo = home.file("pipe")
      try #require(mkfifo(fifo, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
      var steps = [
        ["instance", "create", old, "--version", "4.6", "--sample-data", "5", "--seed", "1"],
        ["instance", "create", new, "--version", "5.1", "--seed", "2"],
      ]
      if archives {
        steps += [
          ["--instance", old, "alert-source", "disable", "--all"],
          ["--instance", old, "backup", "create", "--output", backup],
          ["--instance", old, "secret", "export", "--output", key],
        ]
      }
      for words in steps {
        let r = try trsh(words, home: home)
        try #require(r.status == 0, "\(words): \(r.stderr)")
      }
    }

    /// The first value of a provider of `instance`.
    func firstValue(_ provider: String, of instance: String) throws -> String {
      let r = try trsh(["--instance", instance, "complete-values", provider], home: home)
      return try #require(r.stdout.split(separator: "\n").first.map(String.init), "\(r.stderr)")
    }

    /// Runs `script` in bash (for process substitution) with `arguments` as $1...; `TRSH`
    /// names the binary.
    func bash(_ script: String, _ arguments: String...) throws -> TimedRun.Outcome {
      let bash = try #require(Repository.tool("bash"), "bash is not installed")
      return try TimedRun.run(
        bash, ["-c", script, "bash"] + arguments, home: home,
        environment: ["TRSH": Binaries.trsh])
    }
  }

  @Test func archivesMustBeRegularFiles() throws {
    let f = try Fixture()
    for words in [
      ["backup", "verify", f.fifo], ["backup", "upload", f.fifo], ["backup", "show", f.fifo],
      ["restore", f.fifo, "--dry-run"],
    ] {
      let r = try TimedRun.trsh(["--instance", f.new] + words, home: f.home)
      #expect(!r.hung, "\(words) hung on a named pipe")
      #expect(r.status == 4, "\(words): \(r.status) \(r.stderr)")
      #expect(r.stderr.contains(f.fifo) && r.stderr.contains("not a regular file"), "\(r.stderr)")
    }
    // A real restore must not hang either, whatever the workflow says of it.
    let restore = try TimedRun.trsh(
      ["--instance", f.new, "restore", f.fifo, "--yes"], home: f.home)
    #expect(!restore.hung && restore.status != 0, "\(restore.stderr)")
  }

  @Test func processSubstitutionOfAnArchiveSaysARegularFileIsNeeded() throws {
    let f = try Fixture()
    let r = try f.bash(
      #"exec "$TRSH" --instance "$1" backup verify <(cat "$2")"#, f.new, f.backup)
    #expect(!r.hung)
    #expect(r.status == 4, "\(r.stderr)")
    #expect(r.stderr.contains("regular file") && !r.stderr.contains("bad magic"), "\(r.stderr)")
    let good = try trsh(["--instance", f.new, "backup", "verify", f.backup], home: f.home)
    #expect(good.status == 0, "\(good.stderr)")
  }

  @Test func smallInputsDoNotWaitForAWriterThatIsNotThere() throws {
    let f = try Fixture()
    let source = try f.firstValue("alert-sources", of: f.old)
    let setting = try f.firstValue("setting-paths", of: f.new)
    let cases: [(String, [String])] = [
      (f.new, ["secret", "upload", f.fifo, "--yes"]),
      (f.new, ["backup", "verify", f.backup, "--secret", f.fifo]),
      (f.new, ["settings", "set", setting, "--value-file", f.fifo]),
      (f.old, ["alert-source", "credentials", source, "--secret-file", f.fifo]),
      (
        f.new,
        ["license", "proxy", "set", "proxy.example:3128", "--user", "u", "--password-file", f.fifo]
      ),
      (f.new, ["overcast", "ca", "set", f.fifo]),
      (f.new, ["settings", "copy", "--from", f.fifo, "--dry-run"]),
    ]
    for (instance, words) in cases {
      let r = try TimedRun.trsh(["--instance", instance] + words, home: f.home)
      #expect(!r.hung, "\(words) hung on a named pipe")
      #expect(r.status == 1, "\(words): \(r.status) \(r.stderr)")
      #expect(r.stderr.contains("nothing came through the pipe \(f.fifo)"), "\(words): \(r.stderr)")
    }
  }

  @Test func pipesWithAWriterStillWork() throws {
    let f = try Fixture()
    let source = try f.firstValue("alert-sources", of: f.old)
    let credentials = try f.bash(
      #"exec "$TRSH" --instance "$1" alert-source credentials "$2" --secret-file <(echo s3cret)"#,
      f.old, source)
    #expect(!credentials.hung && credentials.status == 0, "\(credentials.stderr)")
    // Read once: checked before the confirmation, then installed.
    let secret = try f.bash(
      #"exec "$TRSH" --instance "$1" secret upload <(cat "$2") --yes"#, f.new, f.key)
    #expect(!secret.hung && secret.status == 0, "\(secret.stderr)")
    let verify = try f.bash(
      #"exec "$TRSH" --instance "$1" backup verify "$2" --secret <(cat "$3")"#, f.new, f.backup,
      f.key)
    #expect(!verify.hung && verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("every encrypted field opens"), "\(verify.stdout)")
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSilentWriterIsWaitedForUntilInterrupted(signal: Int32) throws {
    let f = try Fixture(archives: false)
    // The test holds the pipe open for writing and never writes: trsh waits for data.
    let writer = open(f.fifo, O_RDWR | O_NONBLOCK)
    try #require(writer >= 0)
    defer { close(writer) }
    let source = try f.firstValue("alert-sources", of: f.old)
    let r = try TimedRun.trsh(
      ["--instance", f.old, "alert-source", "credentials", source, "--secret-file", f.fifo],
      home: f.home, signal: signal)
    #expect(!r.hung, "signal \(signal) did not end the wait")
    #expect(r.secondsToExit < 5, "took \(r.secondsToExit) s to stop")
    #expect(r.status == 130, "\(r.status) \(r.stderr)")
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aRunbookPipeWithNoWriterEndsOnASignal(signal: Int32, status: Int32) throws {
    let f = try Fixture(archives: false)
    let r = try TimedRun.trsh(["--instance", f.new, "-f", f.fifo], home: f.home, signal: signal)
    #expect(!r.hung, "signal \(signal) did not end the wait for a writer")
    #expect(r.status == status, "\(r.status) \(r.stderr)")
  }
}
