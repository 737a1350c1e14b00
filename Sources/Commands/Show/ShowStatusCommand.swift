import Appliance
import ArgumentParser

/// `show status`: the instance at a glance.
public struct ShowStatusCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "status",
    abstract:
      "Show host, version, counts, alert sources, licences, secret fingerprint and workflow state."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let s = try context.instance().status()
    // Runbooks check the status between steps; unchanged, it renders to the same text.
    if let text = Self.rendered.value(for: s) { return Rendered(s, text: text) }
    let text = Self.text(for: s)
    Self.rendered.store(text, for: s)
    return Rendered(s, text: text)
  }

  private static let rendered = LastValue<StatusSummary, String>()

  private static func text(for s: StatusSummary) -> String {
    let licences = ["Available", "Installed", "Invalid"].map { "\($0) \(s.licenses[$0] ?? 0)" }
    var fields: [(String, String)] = [
      ("host", s.hostname), ("version", "\(s.applianceVersion) (schema \(s.schemaVersion))"),
      ("instance", s.instancePath), ("incidents", String(s.incidents)),
      ("alerts", String(s.alerts)),
      ("alert sources", "\(s.alertSourcesEnabled) enabled of \(s.alertSourcesTotal)"),
      ("licences", licences.joined(separator: ", ")), ("secret", s.secretFingerprint),
      ("workflow", s.workflowState),
    ]
    if let fields_ = s.mustReenter {
      fields.append(
        ("consistency", "INCONSISTENT: encrypted fields left unreadable by the restore"))
      fields.append(
        ("re-enter", fields_.joined(separator: "\n" + String(repeating: " ", count: 15))))
    }
    return Fields(fields).text
  }
}
