import Appliance
import ArgumentParser
import Commands
import Foundation

/// Runs command lines: abbreviation, parsing, execution, rendering, error reporting.
public final class Session {
  /// Settings that hold for the whole session.
  public struct Settings {
    public var mode: SessionMode
    public var json: Bool
    public var assumeYes: Bool
    public var instancePath: URL
    public var environment: [String: String]

    public init(
      mode: SessionMode, json: Bool, assumeYes: Bool, instancePath: URL,
      environment: [String: String]
    ) {
      self.mode = mode
      self.json = json
      self.assumeYes = assumeYes
      self.instancePath = instancePath
      self.environment = environment
    }
  }

  public let settings: Settings
  public let catalog: CommandCatalog
  public let out: OutputStream
  public let err: OutputStream
  public let interaction: any Interaction
  /// The admin's history (interactive sessions only).
  public var history: HistoryStore?
  /// Who runs the commands (for the audit log and workflow history).
  public let user: String
  /// The instance, its workflow state and audit log, as the command layer keeps them.
  public let instances: InstanceSession
  /// Whether a command of this session may have changed the instance (anything but `show`
  /// and `help` actions): such a session must close the database in order before exiting.
  public private(set) var mayHaveWritten = false
  private lazy var encoder: JSONEncoder = {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return e
  }()

  public init(
    settings: Settings, catalog: CommandCatalog, out: OutputStream, err: OutputStream,
    interaction: any Interaction, instances: InstanceSession? = nil
  ) {
    self.settings = settings
    self.catalog = catalog
    self.out = out
    self.err = err
    self.interaction = interaction
    self.instances =
      instances
      ?? InstanceSession(path: settings.instancePath, environment: settings.environment)
    self.user = self.instances.user
  }

  /// The instance's workflow state name, or nil when it cannot be read.
  public func workflowState(refresh: Bool = false) -> String? {
    instances.workflowState(refresh: refresh)
  }

  /// Runs one command (already split into words) and returns its exit status.
  ///
  /// Throws `ShellExit` when the command ends the session.
  public func run(_ words: [String], origin: Origin) throws -> Int32 {
    let started = OutputStream.now()
    Signals.clearInterrupt()
    // Resolving and parsing come first: they touch no instance, so a database being opened on
    // another core (see `adopt`) is ready by the time the state is read.
    var status: Int32 = ExitStatus.ok
    let ready: Prepared?
    if let hit = prepared[words] {
      ready = hit
    } else {
      (ready, status) = try prepare(words, origin: origin)
    }
    let before = workflowState()
    var readOnly = true
    defer {
      let after = readOnly ? before : workflowState(refresh: true)
      audit(
        ready?.auditLine ?? SecretRedaction.redact(words: words).joined(separator: " "),
        origin: origin,
        status: status, started: started, before: before, after: after)
    }
    guard let ready else { return status }
    do {
      status = try run(ready, origin: origin, readOnly: &readOnly)
    } catch let exit as ShellExit {
      status = exit.status
      throw exit
    }
    return status
  }

  private func audit(
    _ command: String, origin: Origin, status: Int32, started: UInt64, before: String?,
    after: String?
  ) {
    instances.audit(
      command, origin: origin, status: status,
      durationMs: Int((OutputStream.now() - started) / 1_000_000), stateBefore: before,
      stateAfter: after)
  }

  /// Resolves and parses a command line (cached by its words); on failure reports the error
  /// and returns its status instead.
  private func prepare(_ words: [String], origin: Origin) throws -> (Prepared?, Int32) {
    let json = settings.json
    do {
      let resolved = try catalog.resolve(words)
      if resolved.node.isGroup {
        let subs = resolved.node.children.filter(\.isVisible).map(\.name).joined(separator: ", ")
        let name = resolved.path.isEmpty ? "a command" : "'\(resolved.path.joined(separator: " "))'"
        throw ApplianceError.usage("\(name) needs a subcommand: \(subs)")
      }
      // Parse with the command's own type: the root's options (--json, --yes) must not
      // capture the same flags written after a command.
      let parsed: any ParsableArguments
      do {
        parsed = try resolved.node.type.parse(resolved.arguments)
      } catch {
        let status = reportParseError(
          error, node: resolved.node, json: json || resolved.arguments.contains("--json"),
          origin: origin)
        return (nil, status)
      }
      guard let command = Self.shellCommand(parsed) else {
        throw ApplianceError.usage("'\(resolved.path.joined(separator: " "))' cannot be run here")
      }
      let entry = Prepared(
        command: command, json: json || command.output.json,
        commandLine: SecretRedaction.redact(words: resolved.path + resolved.arguments).joined(
          separator: " "),
        auditLine: SecretRedaction.redact(words: words).joined(separator: " "))
      if prepared.count >= 512 { prepared.removeAll(keepingCapacity: true) }
      prepared[words] = entry
      return (entry, ExitStatus.ok)
    } catch {
      return (nil, try failed(error, json: json, origin: origin))
    }
  }

  /// Casts from the opened, concrete type: a cast from the existential first asks the runtime
  /// whether the existential type itself conforms, a full scan of the binary's conformance
  /// records that always fails.
  private static func shellCommand<T: ParsableArguments>(_ parsed: T) -> (any ShellCommand)? {
    parsed as? any ShellCommand
  }

  /// Commands already resolved and parsed, by their words. argument-parser's reflection costs
  /// far more than running most commands, and runbooks repeat lines; resolving and parsing
  /// are pure, so a hit is the same value. Commands are values: each run starts afresh.
  private var prepared: [[String]: Prepared] = [:]

  /// A command ready to run, with its redacted lines.
  struct Prepared {
    var command: any ShellCommand
    /// Whether the result is wanted as JSON (session-wide `--json` or the command's own).
    var json: Bool
    /// The full command words, abbreviations expanded, secrets redacted (workflow history).
    var commandLine: String
    /// The words as typed, secrets redacted (audit log).
    var auditLine: String
  }

  /// Runs a parsed command: workflow check, execution, rendering, errors.
  private func run(_ prepared: Prepared, origin: Origin, readOnly: inout Bool) throws -> Int32 {
    let command = prepared.command
    let json = prepared.json
    do {
      let context = makeContext()
      context.runCommandLine = { [unowned self] line, yes in
        let saved = self.nestedYes
        self.nestedYes = saved || yes
        defer { self.nestedYes = saved }
        var status: Int32 = ExitStatus.ok
        for command in try Lexer.split(line) {
          status = try self.run(command.map(\.text), origin: origin)
          if status != ExitStatus.ok { break }
        }
        return status
      }
      context.commandLine = prepared.commandLine
      context.rendersJSON = json
      let action = command.workflowAction
      if case .show = action {
      } else if case .help = action {
      } else {
        readOnly = false
        mayHaveWritten = true
      }
      let result = try WorkflowGate(context).run(command)
      context.interaction.progressDone()
      try render(result, json: json)
      if let failure = result.failure {
        // The result (JSON included) already says what failed; stderr gets the one-line reason.
        return report(
          failure.message, status: ExitStatus.of(failure.kind), json: false, origin: origin)
      }
      return ExitStatus.ok
    } catch {
      return try failed(error, json: json, origin: origin)
    }
  }

  /// Reports a command's error and returns its exit status; `ShellExit` ends the session.
  private func failed(_ error: any Error, json: Bool, origin: Origin) throws -> Int32 {
    switch error {
    case let exit as ShellExit:
      throw exit
    case let error as ApplianceError:
      interaction.progressDone()
      return report(error.message, status: ExitStatus.of(error.kind), json: json, origin: origin)
    case let error as LexError:
      return report(error.description, status: ExitStatus.usage, json: json, origin: origin)
    case let error as ValidationError:
      return report(error.message, status: ExitStatus.usage, json: json, origin: origin)
    default:
      return report(
        String(describing: error), status: ExitStatus.failed, json: json, origin: origin)
    }
  }

  /// Set while a command runs another one with its own `--yes` (`upgrade next --run --yes`).
  private var nestedYes = false

  func makeContext() -> CommandContext {
    CommandContext(
      mode: settings.mode, assumeYes: settings.assumeYes || nestedYes,
      environment: settings.environment,
      instancePath: settings.instancePath, interaction: interaction, catalog: catalog,
      history: { [weak self] in self?.history?.lines ?? [] },
      isCancelled: { Signals.shouldStop }, user: user,
      instance: { [instances] in try instances.instance() })
  }

  private func render(_ result: any CommandResult, json: Bool) throws {
    if json {
      let data = try encoder.encode(result)
      out.line(String(decoding: data, as: UTF8.self))
    } else {
      let text = result.text
      if !text.isEmpty { out.line(text) }
    }
    out.flushIfStale()
  }

  private func reportParseError(
    _ error: any Error, node: CommandCatalog.Node, json: Bool, origin: Origin
  )
    -> Int32
  {
    if node.type.exitCode(for: error) == .success {
      // --help inside a command line.
      let text = TrshCommand.helpMessage(for: node.type, columns: 100)
      out.line(text.hasSuffix("\n") ? String(text.dropLast()) : text)
      return ExitStatus.ok
    }
    let message = node.type.message(for: error)
    let usage = TrshCommand.usageString(for: node.type).replacingOccurrences(of: "\n", with: " ")
    let path = node.path.joined(separator: " ")
    return report(
      "\(message)\n  usage: \(usage)\n  see 'help \(path)'", status: ExitStatus.usage, json: json,
      origin: origin)
  }

  /// Prints an error (JSON on stdout too when asked) and returns its status.
  @discardableResult
  public func report(_ message: String, status: Int32, json: Bool, origin: Origin) -> Int32 {
    if json {
      struct ErrorBody: Encodable {
        var error: String
        var exitCode: Int32
      }
      if let data = try? encoder.encode(ErrorBody(error: message, exitCode: status)) {
        out.line(String(decoding: data, as: UTF8.self))
      }
    }
    out.flush()
    err.line(origin.errorPrefix + message)
    err.flush()
    return status
  }
}
