import Appliance
import Commands
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The program's entry: picks interactive, batch or one-shot and runs it.
public enum Launcher {
  /// Runs trsh with the process arguments (program name excluded); returns the exit status.
  public static func main(
    _ arguments: [String], environment: [String: String] = ProcessEnvironment.current()
  )
    -> Int32
  {
    signal(SIGPIPE, SIG_IGN)
    // A file-size limit (ulimit -f) then fails the write with EFBIG, which the command reports
    // and cleans up after like a full disk, instead of killing trsh half-way through a file.
    signal(SIGXFSZ, SIG_IGN)
    Signals.install()
    CommandRegistry.registerProviders()
    let out = OutputStream(fd: 1)
    let err = OutputStream(fd: 2)
    defer {
      out.flush()
      err.flush()
    }
    // A bash, zsh or fish completion script asking for an argument's values.
    if arguments.first == CompletionRequest.marker {
      let answer = CompletionRequest.answer(arguments)
      (answer.succeeded ? out : err).line(answer.text)
      return answer.succeeded ? ExitStatus.ok : ExitStatus.usage
    }
    let options: LaunchOptions
    do {
      options = try LaunchOptions(arguments)
    } catch {
      err.line("trsh: \(error)")
      return ExitStatus.usage
    }
    if options.showHelp {
      out.write(TrshCommand.helpMessage(columns: 100))
      return ExitStatus.ok
    }
    if options.showVersion {
      out.line("trsh \(TrshCommand.version)")
      return ExitStatus.ok
    }
    let interactive =
      options.commandWords.isEmpty && options.commands == nil && options.file == nil
      && isatty(0) == 1 && isatty(1) == 1
    let mode: SessionMode =
      !options.commandWords.isEmpty ? .oneShot : (interactive ? .interactive : .batch)
    let instancePath = InstanceLocator.resolve(explicit: options.instance, environment: environment)
    let settings = Session.Settings(
      mode: mode, json: options.json, assumeYes: options.yes, instancePath: instancePath,
      environment: environment)
    let instances = InstanceSession(path: instancePath, environment: environment)
    // Without a terminal, the instance and its database open on another core while the
    // command tree is built and the first command parsed (argument-parser's reflection): a
    // one-shot command's wall time is then the longer of the two, not their sum.
    if mode != .interactive { instances.openEarly(using: BackgroundThread.start) }
    // Never exit with that thread still inside SQLite.
    defer { instances.finishOpening() }
    let catalog = CommandCatalog(root: TrshCommand.self)
    let session = Session(
      settings: settings, catalog: catalog, out: out, err: err,
      interaction: TerminalInteraction(out: out, err: err, environment: environment),
      instances: instances)
    // A run that only read leaves its objects to the kernel: tearing down GRDB's dispatch queue
    // starts a libdispatch worker thread just to free memory at exit. A run that wrote closes
    // the database in order (its last transactions are checkpointed and synced).
    defer {
      if mode != .interactive && !session.mayHaveWritten { _ = Unmanaged.passRetained(session) }
    }

    switch mode {
    case .oneShot:
      do {
        return try session.run(options.commandWords, origin: .oneShot)
      } catch let exit as ShellExit {
        return exit.status
      } catch {
        return ExitStatus.failed
      }
    case .batch:
      if let commands = options.commands {
        let lines = commands.split(separator: "\n", omittingEmptySubsequences: false).map(
          String.init)
        var iterator = lines.makeIterator()
        return BatchRunner(session: session, sourceName: "-c", keepGoing: options.keepGoing)
          .run { iterator.next() }
      }
      var fd: Int32 = 0
      var name = "<stdin>"
      if let file = options.file, file != "-" {
        // A runbook may come through a named pipe: open waits for its writer, and Ctrl-C or
        // SIGTERM (handled without SA_RESTART) ends that wait.
        fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
          if errno == EINTR && Signals.shouldStop {
            return Signals.termination.map { 128 + $0 } ?? ExitStatus.interrupted
          }
          err.line("trsh: cannot read \(file): \(String(cString: strerror(errno)))")
          return ExitStatus.failed
        }
        name = file
      }
      defer { if fd != 0 { close(fd) } }
      let reader = LineReader(fd: fd)
      return BatchRunner(session: session, sourceName: name, keepGoing: options.keepGoing)
        .run { reader.next() }
    case .interactive:
      // The one place an instance appears without `instance create`: the default instance,
      // on the first interactive start, said aloud (never a mistyped --instance/TRSH_INSTANCE).
      let isDefault =
        (options.instance ?? "").isEmpty && (environment["TRSH_INSTANCE"] ?? "").isEmpty
      if isDefault {
        do {
          if try instances.createIfMissing() {
            err.line("trsh: first start: created a new 5.x instance at \(instancePath.path)")
          }
        } catch {
          err.line("trsh: \(error)")
          return ExitStatus.failed
        }
      }
      // Decoded while the admin reads the prompt: the first Tab then costs microseconds.
      Thread.detachNewThread { catalog.preload() }
      let history = HistoryStore(url: HistoryStore.defaultURL(environment: environment))
      let completer = Completer(
        catalog: catalog,
        providerContext: ProviderContext(
          instancePath: settings.instancePath, environment: environment))
      // The prompt names the instance's host and upgrade state (`trsh(newbox:restored)>`), so
      // the admin always sees where the upgrade stands; the state is the session's cached one,
      // refreshed after every command that changes the instance.
      let loop = InteractiveLoop(
        session: session, history: history, completer: completer,
        promptLabel: { instances.promptLabel })
      return loop.run()
    }
  }
}
