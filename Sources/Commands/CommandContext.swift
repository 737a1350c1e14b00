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

  public init(
    mode: SessionMode, assumeYes: Bool, environment: [String: String], instancePath: URL,
    interaction: any Interaction, catalog: CommandCatalog, history: @escaping () -> [String],
    isCancelled: @escaping () -> Bool
  ) {
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

  /// Throws `cancelled` once Ctrl-C was pressed.
  public func checkCancelled() throws {
    if isCancelled() { throw ApplianceError.cancelled }
  }
}

extension Interaction {
  /// Whether a question can be put to a person (stdin is a terminal).
  public var canAsk: Bool { isatty(0) == 1 }
}
