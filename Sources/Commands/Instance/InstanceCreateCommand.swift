import Appliance
import ArgumentParser
import Foundation

/// `instance create DIR`: a new instance, legacy 4.x or 5.x, optionally with realistic sample data.
public struct InstanceCreateCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create an instance (4.6 legacy or 5.x), optionally with realistic sample data.",
    discussion: "Generation is deterministic for a given --seed (including the Master Secret)."
  ).inShell

  @Argument(
    help: "The new instance's directory (must not exist, or be empty).", completion: .directory)
  var directory: String

  @Option(
    help: ArgumentHelp(
      "The appliance version: 4.0 to 4.6 (legacy layout) or 5.0 to 5.6, as recorded and shown.",
      discussion: "4.x and 5.x mean 4.6.2 and 5.1.0; any other version is refused."),
    completion: .list(["4.6", "5.x"]))
  var version: String = "5.x"

  @Option(help: "How many incidents to generate (about 5 alerts each).")
  var sampleData: Int = 0

  @Option(help: "Seed for deterministic generation.")
  var seed: UInt64?

  @Option(help: "The host name of the new instance.")
  var hostname: String?

  @Option(
    help: ArgumentHelp(
      "Where the instance keeps its data: sqlite (embedded, the default) or postgresql.",
      discussion: """
        postgresql runs the instance's own PostgreSQL server in DIR/pgdata (loopback only, \
        started when needed), or uses the server --database-url names.
        """),
    completion: .list(["sqlite", "postgresql"]))
  var engine: String?

  @Option(
    help: ArgumentHelp(
      "Use this PostgreSQL database instead of the instance's own server.",
      discussion: """
        postgresql://USER@HOST:PORT/DATABASE, without the password: it comes from \
        --password-file, else $TRSH_DATABASE_PASSWORD, else a prompt on a terminal.
        """, valueName: "url"))
  var databaseUrl: String?

  @Option(help: "A file whose first line is the database password.", completion: .file())
  var passwordFile: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .other }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let release = try ApplianceRelease(parsing: version)
    // Checked here, after the version as before, rather than in `validate()`: a usage error
    // from there would add the usage lines to the message.
    guard sampleData >= 0 else {
      throw ApplianceError.usage("--sample-data must be 0 or more, not \(sampleData)")
    }
    let url = URL(fileURLWithPath: directory)
    var external: ExternalDatabase?
    if let databaseUrl {
      external = ExternalDatabase(
        url: databaseUrl, password: try DatabasePassword.read(file: passwordFile, in: context))
    } else if passwordFile != nil {
      throw ApplianceError.usage("--password-file needs --database-url")
    }
    let instance = try Instance.create(
      at: url, version: release.generation, release: release, sampleData: sampleData, seed: seed,
      hostname: hostname, engine: engine ?? (databaseUrl == nil ? nil : "postgresql"),
      external: external, progress: context.progressSink, cancel: context.cancellation)
    let info = try instance.info()
    let text = Fields([
      ("created", info.path), ("version", info.applianceVersion), ("host", info.hostname),
      ("engine", info.engine),
      ("incidents", String(info.tables["incidents"] ?? 0)),
      ("alerts", String(info.tables["alerts"] ?? 0)),
      ("secret", info.secretFingerprint),
    ]).text
    return Rendered(info, text: text)
  }
}
