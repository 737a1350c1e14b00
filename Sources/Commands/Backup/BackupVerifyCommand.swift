import Appliance
import ArgumentParser
import Foundation

/// `backup verify FILE [--secret FILE]`: every byte, and with a secret every encrypted field.
public struct BackupVerifyCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a backup's integrity (and, with --secret, that its encrypted fields open)."
  ).inShell

  @Argument(
    help: "The backup file (a path, or a name in uploads/ or backups/).",
    completion: .provider("backup-files"))
  var file: String

  @Option(
    help: "A Master Secret file: also check that every encrypted field opens with it.",
    completion: .file())
  var secret: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let url = try instance.backupFile(named: file)
    let masterSecret = try secret.map {
      try MasterSecret.load(from: URL(fileURLWithPath: $0), cancel: context.cancellation)
    }
    let (header, unreadable) = try instance.verifyBackup(
      url, secret: masterSecret, progress: context.progressSink, cancel: context.cancellation)
    if let masterSecret, !unreadable.isEmpty || masterSecret.fingerprint != header.secretFingerprint
    {
      throw ApplianceError.validation(
        "\(url.lastPathComponent) is intact, but the secret \(masterSecret.fingerprint) does not"
          + " match the backup's \(header.secretFingerprint): \(unreadable.count) encrypted"
          + " field(s) do not open")
    }
    let result = BackupVerified(
      file: url.path, intact: true, secretChecked: masterSecret != nil, header: header)
    let verdict =
      masterSecret == nil
      ? "intact (every byte checked)" : "intact; every encrypted field opens with the secret"
    return Rendered(result, text: Fields([("file", url.path), ("result", verdict)]).text)
  }
}

/// What `backup verify --json` prints.
struct BackupVerified: Encodable {
  var file: String
  var intact: Bool
  var secretChecked: Bool
  var header: BackupHeader
}
