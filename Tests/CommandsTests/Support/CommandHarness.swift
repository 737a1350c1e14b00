import Appliance
import ArgumentParser
import Commands
import Foundation
import TestSupport

/// Runs commands in-process as the shell does, without the binary: words resolved through the
/// catalogue (abbreviations too), parsed by the command's own type, run through the
/// workflow gate (checked, executed, recorded) with a `CommandContext` whose admin is a `FakeInteraction`.
final class CommandHarness {
  /// Nodes hold their catalogue weakly: one for every harness keeps it alive.
  static let catalog = CommandCatalog(root: TrshCommand.self)

  let directory = TemporaryDirectory("trsh-commands-tests")
  let instancePath: URL
  let instances: InstanceSession
  let interaction = FakeInteraction()
  var mode: SessionMode = .interactive
  /// The shell's own `--yes`.
  var assumeYes = false
  var environment: [String: String] = [:]

  init(instance name: String = "instance") {
    instancePath = directory.url.appendingPathComponent(name, isDirectory: true)
    instances = InstanceSession(path: instancePath, environment: ["USER": "tester"])
  }

  /// Creates the instance the commands work on (host `testbox`).
  @discardableResult
  func createInstance(
    _ generation: SchemaGeneration = .current, sampleData: Int = 0, seed: UInt64 = 1
  ) throws -> Instance {
    try Instance.create(
      at: instancePath, version: generation, sampleData: sampleData, seed: seed,
      hostname: "testbox")
  }

  /// The instance, as the commands see it.
  var instance: Instance {
    get throws { try instances.instance() }
  }

  /// A context as the shell builds one for each command.
  func context(commandLine: String = "") -> CommandContext {
    let context = CommandContext(
      mode: mode, assumeYes: assumeYes, environment: environment, instancePath: instancePath,
      interaction: interaction, catalog: Self.catalog, history: { [] }, isCancelled: { false },
      user: instances.user, instance: { [instances] in try instances.instance() })
    context.commandLine = commandLine
    return context
  }

  /// Resolves and parses a command line; parse and validation errors are usage errors, with
  /// argument-parser's message, as the shell reports them.
  func parse(_ words: [String]) throws -> any ShellCommand {
    let resolved = try Self.catalog.resolve(words)
    guard !resolved.node.isGroup else {
      throw ApplianceError.usage("'\(resolved.path.joined(separator: " "))' needs a subcommand")
    }
    let parsed: any ParsableCommand
    do {
      parsed = try resolved.node.type.parse(resolved.arguments)
    } catch {
      throw ApplianceError.usage(resolved.node.type.message(for: error))
    }
    guard let command = parsed as? any ShellCommand else {
      throw ApplianceError.usage("'\(resolved.path.joined(separator: " "))' cannot be run here")
    }
    return command
  }

  /// Runs one command line, given as its words; throws what the command throws.
  @discardableResult
  func run(_ words: String...) throws -> any CommandResult {
    try run(words)
  }

  @discardableResult
  func run(_ words: [String]) throws -> any CommandResult {
    let command = try parse(words)
    let context = context(
      commandLine: SecretRedaction.redact(words: words).joined(separator: " "))
    // The same gate the shell runs every command through: check, execute, record.
    return try WorkflowGate(context).run(command)
  }

  /// Runs a command line and returns its result as the shell's `--json` prints it, decoded.
  func json(_ words: String...) throws -> Any {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(try run(words))
    return try JSONSerialization.jsonObject(with: data)
  }

  /// The domain error a command line fails with; a test failure when it succeeds instead.
  func failure(_ words: String...) throws -> ApplianceError {
    do {
      let result = try run(words)
      throw HarnessExpectation("expected \(words) to fail, got: \(result.text)")
    } catch let error as ApplianceError {
      return error
    }
  }

  /// How many rows a table of the instance holds.
  func count(_ table: String) throws -> Int {
    try instance.info().tables[table] ?? 0
  }
}
