import Appliance
import ArgumentParser
import Foundation

/// `settings copy`: maps the old appliance's console settings into this 5.x instance, all or nothing.
public struct SettingsCopyCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy 4.x console settings into this 5.x instance (shows the diff, then asks).",
    discussion: """
      The old settings come from a 'settings export' file (--from), from a legacy instance \
      directory (--from-instance, whose Master Secret opens its secrets, which are re-encrypted \
      under this instance's), or, with neither, from this instance's own migrated 4.x settings \
      (kept by the restore). Every field is listed: added, changed, unchanged, left alone (the \
      Default Gateway of the new Routing page, never written), omitted (no place in 5.x) or must \
      be re-entered (a secret that cannot be carried). When the old appliance authenticated \
      against LDAP, the LDAP server settings and the Authentication Order are copied together. \
      All sections are written in one transaction: a failure changes nothing.
      """
  ).inShell

  @Option(
    help: "A settings export file from the old appliance.", completion: .file(extensions: ["json"]))
  var from: String?

  @Option(help: "A legacy 4.x instance directory to copy from.", completion: .directory)
  var fromInstance: String?

  @Option(
    name: .customLong("section"), help: "Copy only this old section (repeatable), e.g. Setup/NTP.",
    completion: .provider("settings-sections"))
  var sections: [String] = []

  @Flag(help: "Show the diff and change nothing.")
  var dryRun = false

  @OptionGroup public var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  public init() {}

  public func validate() throws {
    if from != nil && fromInstance != nil {
      throw ValidationError("give --from FILE or --from-instance DIR, not both")
    }
  }

  public var workflowAction: WorkflowAction { dryRun ? .show : .settingsCopy }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let legacy: LegacySettings
    if let from {
      let url = URL(fileURLWithPath: from)
      let file = try SettingsExportFile.read(from: url, cancel: context.cancellation)
      legacy = file.legacySettings(
        origin: "file \(url.path) (host \(file.source.host), \(file.source.applianceVersion))")
    } else if let fromInstance {
      legacy = try LegacySettings.load(fromInstance: URL(fileURLWithPath: fromInstance))
    } else if let own = try LegacySettings.load(fromMigrated: instance) {
      legacy = own
    } else {
      throw ApplianceError.usage(
        "this instance has no migrated 4.x settings: give --from FILE or --from-instance DIR")
    }
    let plan = try instance.planSettingsCopy(from: legacy, only: sections)
    var text = Self.render(plan)
    var applied = false
    if dryRun {
      text += "\ndry run: nothing was changed"
    } else {
      // The admin sees the diff before the question; it is not repeated after the answer.
      let asks = plan.hasChanges && !confirm.yes && !context.assumeYes
      if plan.hasChanges {
        if asks { context.interaction.notice(text) }
        try context.confirm(
          "Write \(plan.writes.count) settings into this instance?", yes: confirm.yes)
        try context.checkCancelled()
        try instance.applySettingsCopy(plan)
        applied = true
      }
      text =
        (asks ? "" : text + "\n")
        + (applied
          ? "copied \(plan.writes.count) settings in one transaction"
          : "nothing to copy: this instance already has these settings")
    }
    return Rendered(SettingsCopyOutcome(plan: plan, dryRun: dryRun, applied: applied), text: text)
  }

  /// The diff as text: one line per old field, then the counts.
  static func render(_ plan: SettingsCopyPlan) -> String {
    var lines = ["settings copy from \(plan.origin)"]
    lines.append("sections: " + plan.sections.joined(separator: ", "))
    lines += plan.notes.map { "note: \($0)" }
    func quoted(_ s: String?) -> String { s.map { "'\($0)'" } ?? "(unset)" }
    for e in plan.entries {
      let new = e.newPath ?? "-"
      switch e.change {
      case .added: lines.append("  + \(new) = \(quoted(e.proposed))  (from \(e.oldPath))")
      case .changed:
        lines.append(
          "  ~ \(new): \(quoted(e.current)) -> \(quoted(e.proposed))  (from \(e.oldPath))")
      case .unchanged: lines.append("  = \(new) = \(quoted(e.current))  (from \(e.oldPath))")
      case .leftAlone:
        lines.append(
          "  ! \(new) left alone at \(quoted(e.current)) (old value \(quoted(e.proposed))):"
            + " \(e.reason ?? "")")
      case .omitted:
        lines.append("  - \(e.oldPath) omitted: no place in 5.x (\(e.reason ?? ""))")
      case .mustReenter:
        lines.append("  ? \(new) must be re-entered: \(e.reason ?? "")")
      }
    }
    let counts: [(SettingsDiffEntry.Change, String)] = [
      (.added, "added"), (.changed, "changed"), (.unchanged, "unchanged"),
      (.leftAlone, "left alone"), (.omitted, "omitted"), (.mustReenter, "must be re-entered"),
    ]
    lines.append(counts.map { "\(plan.entries($0.0).count) \($0.1)" }.joined(separator: ", "))
    return lines.joined(separator: "\n")
  }
}

/// What `settings copy` showed and did.
struct SettingsCopyOutcome: Encodable {
  var plan: SettingsCopyPlan
  var dryRun: Bool
  var applied: Bool

  enum CodingKeys: String, CodingKey {
    case plan
    case dryRun = "dry_run"
    case applied
  }
}
