import Appliance
import ArgumentParser
import Foundation

/// `restore [UPLOADED-BACKUP] [--validate-encryption | --no-validate-encryption]
/// [--restore-admin-password] [--dry-run] [--yes]`.
public struct RestoreRunCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Restore an uploaded backup (validating encryption unless told not to)."
  ).inShell

  @Argument(
    help: "The uploaded backup (default: the last one uploaded).",
    completion: .provider("backup-files"))
  var backup: String?

  /// Each spelling has its own help (one inverted flag would give both the same text).
  enum EncryptionValidation: String, EnumerableFlag {
    case validateEncryption, noValidateEncryption

    static func help(for value: Self) -> ArgumentHelp? {
      switch value {
      case .validateEncryption:
        "Refuse unless every encrypted field opens under this instance's Master Secret."
      case .noValidateEncryption:
        ArgumentHelp(
          "Restore even if encrypted fields do not open: the instance is left inconsistent"
            + " until they are re-entered (asks first).")
      }
    }
  }

  @Flag var validation: EncryptionValidation = .validateEncryption
  var validateEncryption: Bool { validation == .validateEncryption }

  @Flag(help: "Bring the system admin account's password across from the backup.")
  var restoreAdminPassword = false

  @Flag(help: "Report what would be restored; change nothing.")
  var dryRun = false

  @OptionGroup public var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  public init() {}

  public var workflowAction: WorkflowAction { dryRun ? .show : .restore }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let url = try backup.map(instance.backupFile(named:)) ?? instance.lastUploadedBackup()
    let options = RestoreOptions(
      validateEncryption: validateEncryption, restoreAdminPassword: restoreAdminPassword,
      dryRun: dryRun)
    if dryRun {
      let report = try instance.restore(
        from: url, options: options, progress: context.progressSink, cancel: context.cancellation)
      return Rendered(report, text: restoreText(report, heading: "would restore"))
    }
    // Ask before anything is replaced, naming what goes and what comes (unless the restore
    // will refuse the archive anyway: it then says why, and records the failure).
    let impact = try instance.restoreImpact(of: url, options: options)
    var question =
      "Restoring \(url.lastPathComponent) (\(impact.backupOrigin)) replaces all data of this"
      + " instance: incidents \(impact.incidentsBefore) -> \(impact.incidentsAfter), alerts"
      + " \(impact.alertsBefore) -> \(impact.alertsAfter)."
    if !validateEncryption {
      question +=
        " Without encryption validation the data is left inconsistent: fields that do not open"
        + " under this Master Secret are kept unreadable."
    }
    if !impact.willBeRefused { try context.confirm(question + " Continue?", yes: confirm.yes) }
    // The restore reports its own start and end to the workflow while it holds its lock, so a
    // killed restore never leaves the workflow `restoring` without a marker to recover from.
    let report = try instance.restore(
      from: url, options: options, progress: context.progressSink, cancel: context.cancellation,
      record: context.workflowRecorder)
    return Rendered(report, text: restoreText(report, heading: "restored"))
  }
}

/// The text of a restore report (`restore` and `restore status`).
func restoreText(_ r: RestoreReport, heading: String) -> String {
  var fields: [(String, String)] = [
    (heading, r.backupFile),
    ("from", "\(r.backupHost) \(r.backupVersion), backed up \(r.backupCreatedAt)"),
  ]
  if r.outcome == "failed" {
    fields = [("last restore", "FAILED \(r.finishedAt)"), ("backup", r.backupFile)]
    fields.append(("error", r.error ?? "unknown"))
    fields.append(("instance", "unchanged"))
    return Fields(fields).text
  }
  if r.outcome == "interrupted" && r.liveData != "new" {
    fields = [("last restore", "INTERRUPTED (cleaned up \(r.finishedAt))")]
    if !r.backupFile.isEmpty { fields.append(("backup", r.backupFile)) }
    fields.append(("what happened", r.error ?? "the restoring process died"))
    fields.append(("instance", "unchanged: its data from before the restore"))
    return Fields(fields).text
  }
  if r.outcome == "interrupted" {
    fields[0] = (heading, "\(r.backupFile) -- INTERRUPTED, cleaned up \(r.finishedAt)")
    if r.backupHost.isEmpty { fields.remove(at: 1) }
    fields.append(("what happened", r.error ?? "the restoring process died"))
    fields.append(("instance", "restored data live and complete"))
  }
  fields += [
    ("migrated", r.migrated ? "yes (4.x schema to 5.x)" : "no (already 5.x)"),
    ("records", countsText(r.recordCounts)),
    (
      "secret",
      r.secretFingerprint
        + (r.backupFingerprint.isEmpty
          ? ""
          : r.backupFingerprint == r.secretFingerprint
            ? " (matches)" : " (backup: \(r.backupFingerprint))")
    ),
    ("validation", r.validated ? "on" : "OFF"),
    (
      "admin password",
      r.adminPasswordRestored ? "restored from the backup" : "kept (this instance's)"
    ),
    ("alert sources", "arrive disabled"), ("licences", "arrive Available: validate them"),
  ]
  if r.consistent {
    fields.append(("encryption", "every encrypted field opens"))
  } else {
    fields.append(("INCONSISTENT", "\(r.unreadable.count) field(s) unreadable, re-enter:"))
    for label in r.unreadable { fields.append(("  re-enter", label)) }
  }
  if r.outcome != "dry-run" { fields.append(("finished", r.finishedAt)) }
  return Fields(fields).text
}
