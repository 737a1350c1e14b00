import Appliance
import Foundation

/// How the shell was started: each mode changes what a command may ask of the admin.
public enum SessionMode: String, Sendable, Codable {
  /// A person at a terminal.
  case interactive
  /// A runbook from a file, `-c` or a pipe: nobody can answer a question.
  case batch
  /// One command from the OS shell's arguments.
  case oneShot = "one-shot"
}

/// What the shell lends a command: questions to the admin and progress display.
public protocol Interaction: AnyObject {
  /// Asks a yes/no question; false when the admin declines.
  func confirm(_ question: String) throws -> Bool
  /// Asks for a secret without echo; never records it.
  func readSecret(_ prompt: String) throws -> String
  /// Asks the admin to type a line (e.g. a host name to confirm a decommission).
  func readLine(_ prompt: String) throws -> String?
  /// Shows progress of a long operation (on a terminal only; stderr).
  func progress(_ done: Int, of total: Int, label: String)
  /// Ends the progress display.
  func progressDone()
  /// Shows a short notice on stderr (e.g. "waiting for services...").
  func notice(_ text: String)
  /// Whether a question can be put to a person (a requirement, so a test's fake can answer).
  var canAsk: Bool { get }
  /// Shows a line of the command's output now (stdout), while the command goes on.
  func emit(_ line: String)
}

/// Everything a command may use while it runs.
public final class CommandContext {
  /// The session's mode.
  public let mode: SessionMode
  /// `--yes` given to the shell: confirmations are answered yes.
  public let assumeYes: Bool
  /// The process environment.
  public let environment: [String: String]
  /// The instance directory this session works on.
  public let instancePath: URL
  /// The admin's side of the conversation.
  public let interaction: any Interaction
  /// The command catalogue (for `help` and `find`).
  public let catalog: CommandCatalog
  /// Lines of this user's history, oldest first.
  public let history: () -> [String]
  /// True once the admin pressed Ctrl-C during this command.
  public let isCancelled: () -> Bool
  /// The command line being run (secrets redacted), for workflow history.
  public var commandLine = ""
  /// Whether the result is rendered as JSON: then nothing is streamed, the result holds all.
  public var rendersJSON = false
  /// The action the workflow gate let run (what its recorder records for).
  var gatedAction: WorkflowAction?
  /// Who runs the command.
  public let user: String
  /// Runs another command line in this session (for `upgrade next --run`), its questions
  /// answered yes when the second argument is true; returns its status.
  public var runCommandLine: (String, Bool) throws -> Int32 = { _, _ in
    throw ApplianceError.failed("this session cannot run nested commands")
  }
  private let openInstance: () throws -> Instance

  public init(
    mode: SessionMode, assumeYes: Bool, environment: [String: String], instancePath: URL,
    interaction: any Interaction, catalog: CommandCatalog, history: @escaping () -> [String],
    isCancelled: @escaping () -> Bool, user: String, instance: @escaping () throws -> Instance
  ) {
    self.user = user
    self.openInstance = instance
    self.mode = mode
    self.assumeYes = assumeYes
    self.environment = environment
    self.instancePath = instancePath
    self.interaction = interaction
    self.catalog = catalog
    self.history = history
    self.isCancelled = isCancelled
  }

  /// Asks for confirmation unless `--yes`; in batch mode, fails without asking.
  public func confirm(_ question: String, yes: Bool = false) throws {
    if yes || assumeYes { return }
    if mode == .batch || !interaction.canAsk {
      throw ApplianceError.failed(
        "\(question) -- needs confirmation, and nobody can answer in batch mode: add --yes")
    }
    guard try interaction.confirm(question) else {
      throw ApplianceError.failed("cancelled: not confirmed")
    }
  }

  /// The instance this session works on (opened, or created fresh, on first use).
  /// Notices the instance left when it recovered from an interrupted restore or secret upload
  /// are shown here, once.
  public func instance() throws -> Instance {
    let instance = try openInstance()
    for notice in instance.takeNotices() { interaction.notice(notice) }
    return instance
  }

  /// Progress and cancellation in the shapes the Appliance layer takes.
  public var progressSink: any ProgressSink { ProgressRelay(interaction: interaction) }
  public var cancellation: any Cancellation { CancellationRelay(isCancelled: isCancelled) }

  /// Shows a line of text output at once, while the command goes on (ping's replies, as they
  /// come); the result then holds only what is left to show. Not with `rendersJSON`.
  public func emit(_ line: String) {
    interaction.emit(line)
  }

  /// Throws `cancelled` once Ctrl-C was pressed.
  public func checkCancelled() throws {
    if isCancelled() { throw ApplianceError.cancelled }
  }
}

extension Interaction {
  /// By default, whether stdin is a terminal.
  public var canAsk: Bool { isatty(0) == 1 }
}

/// Forwards Appliance progress to the shell's display.
struct ProgressRelay: ProgressSink, @unchecked Sendable {
  // Used on the command's own thread only; the display is not shared.
  let interaction: any Interaction
  func progress(_ done: Int, of total: Int, label: String) {
    interaction.progress(done, of: total, label: label)
  }
}

/// Lets Appliance loops see Ctrl-C.
struct CancellationRelay: Cancellation, @unchecked Sendable {
  let check: () -> Bool
  init(isCancelled: @escaping () -> Bool) { check = isCancelled }
  var isCancelled: Bool { check() }
}
