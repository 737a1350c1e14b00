import Appliance
import ArgumentParser
import Foundation

/// `backup create [--output FILE] [--no-incidents] [--force]`.
public struct BackupCreateCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Back up the whole instance (refused while alert sources are enabled)."
  ).inShell

  @Option(
    name: .customLong("output"),
    help: "Where to write the archive (default: backups/HOST-TIME.trbk).",
    completion: .file())
  var outputFile: String?

  @Flag(help: "Leave incidents, alerts and quarantine results out.")
  var noIncidents = false

  @Flag(help: "Back up even with alert sources enabled (recorded in the backup).")
  var force = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  // The enabled sources are only known with the instance: execute checks again with them.
  public var workflowAction: WorkflowAction { .backupCreate(force: force, sourcesEnabled: false) }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let live = try instance.alertSourceInfos().contains { $0.enabled }
    if live { try context.check(.backupCreate(force: force, sourcesEnabled: true)) }
    let (summary, file) = try instance.createBackup(
      output: outputFile.map { URL(fileURLWithPath: $0) }, includeIncidents: !noIncidents,
      progress: context.progressSink, cancel: context.cancellation)
    let h = summary.header
    let result = BackupCreated(
      file: file.path, bytes: summary.archiveBytes, recordCounts: h.recordCounts,
      secretFingerprint: h.secretFingerprint, sourcesLive: h.sourcesLive,
      includesIncidents: h.includesIncidents)
    let text = Fields([
      ("backup", file.path), ("size", byteText(summary.archiveBytes)),
      ("records", countsText(h.recordCounts)), ("secret", h.secretFingerprint),
      ("sources live", h.sourcesLive ? "YES (forced)" : "no"),
    ]).text
    return Rendered(result, text: text, outcome: .backupWritten(sourcesLive: live))
  }
}

/// What `backup create --json` prints.
struct BackupCreated: Encodable {
  var file: String
  var bytes: Int64
  var recordCounts: [String: Int]
  var secretFingerprint: String
  var sourcesLive: Bool
  var includesIncidents: Bool
}
