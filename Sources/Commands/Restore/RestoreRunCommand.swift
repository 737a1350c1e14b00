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

  @Flag(
    inversion: .prefixedNo,
    help: "Refuse unless every encrypted field opens under this instance's Master Secret.")
  var validateEncryption = true

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
      dryRun: dryRun, pauseAt: context.environment["TRSH_TEST_PAUSE_RESTORE_AT"],
      onPause: { stage in
        // Test hook only: written unbuffered, so the test sees it before the pause.
        FileHandle.standardError.write(Data("restore paused at stage \(stage)\n".utf8))
      })
    if dryRun {
      let report = try instance.restore(
        from: url, options: options, progress: context.progressSink, cancel: context.cancellation)
      return Rendered(report, text: restoreText(report, heading: "would restore"))
    }
    if !validateEncryption {
      try context.confirm(
        "Restoring without encryption validation leaves the data inconsistent: fields that do"
          + " not open under this Master Secret are kept unreadable. Continue?", yes: confirm.yes)
    }
    try context.record(.restoreStarted)
    let report: RestoreReport
    do {
      report = try instance.restore(
        from: url, options: options, progress: context.progressSink, cancel: context.cancellation)
    } catch {
      let message = (error as? ApplianceError)?.message ?? String(describing: error)
      instance.recordFailedRestore(file: url.lastPathComponent, error: message)
      _ = try? context.record(.restoreFailed)
      throw error
    }
    try context.record(.restoreFinished(consistent: report.consistent))
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
  fields += [
    ("migrated", r.migrated ? "yes (4.x schema to 5.x)" : "no (already 5.x)"),
    ("records", countsText(r.recordCounts)),
    (
      "secret",
      r.secretFingerprint
        + (r.backupFingerprint == r.secretFingerprint
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
