import Appliance
import ArgumentParser
import Foundation

/// `alert-source credentials NAME`: re-enters a source's credentials (asked without echo, or from a file).
public struct AlertSourceCredentialsCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "credentials",
    abstract: "Re-enter an alert source's credentials (asked without echo, or --secret-file).",
    discussion: """
      Seals the new credential under this instance's Master Secret. After a restore without \
      encryption validation, this clears the source's unreadable mark; once no field is left \
      unreadable the instance is consistent again and its sources may be enabled. The \
      credential is never an argument: it is asked without echo on a terminal, or read from \
      the first line of --secret-file FILE (in a runbook).
      """
  ).inShell

  @Argument(help: "The alert source's name.", completion: .provider("alert-sources"))
  var name: String

  @Option(help: "The account or client id the credential belongs to (kept when left out).")
  var principal: String?

  @Option(
    help: "Read the credential from this file's first line (for runbooks).", completion: .file())
  var secretFile: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .credentialsReenter }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    // Resolve the name first: a typo should not cost typing the credential.
    let source = try instance.alertSourceInfo(named: name).name
    let credential = try readCredential(for: source, in: context)
    let reentry = try instance.reenterAlertSourceCredentials(
      named: source, principal: principal, secret: credential)
    var lines = ["\(reentry.name): credentials re-entered"]
    if reentry.consistent {
      if reentry.wasUnreadable {
        lines.append("no field is left unreadable: the instance is consistent again")
      }
    } else {
      lines.append("still unreadable (\(reentry.remainingUnreadable.count)), re-enter:")
      lines += reentry.remainingUnreadable.map { "  \($0)" }
    }
    return Rendered(
      reentry, text: lines.joined(separator: "\n"),
      outcome: .secretReentered(nothingUnreadable: try instance.unreadableFields().isEmpty))
  }

  /// The file's first line, else a no-echo prompt on a terminal; never an argument.
  private func readCredential(for source: String, in context: CommandContext) throws -> String {
    if let secretFile {
      let data = try InputFile.read(
        secretFile, what: "the secret file", cancel: context.cancellation)
      let line =
        String(decoding: data, as: UTF8.self).split(
          separator: "\n", omittingEmptySubsequences: false
        ).first ?? ""
      let credential = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
      guard !credential.isEmpty else {
        throw ApplianceError.failed("the secret file \(secretFile) is empty")
      }
      return credential
    }
    guard context.mode != .batch, context.interaction.canAsk else {
      throw ApplianceError.usage(
        "the credential for alert source '\(source)' is asked without echo on a terminal;"
          + " with no terminal (a runbook, a pipe) use --secret-file FILE")
    }
    let credential = try context.interaction.readSecret("New credential for '\(source)': ")
    guard !credential.isEmpty else { throw ApplianceError.failed("no credential entered") }
    return credential
  }
}
