import Appliance
import ArgumentParser

/// `overcast url set|show`.
public struct OvercastURLCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "url", abstract: "Set or show the Overcast base URL.",
    subcommands: [OvercastURLSetCommand.self, OvercastURLShowCommand.self])

  public init() {}
}

/// `overcast url set URL`.
public struct OvercastURLSetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Set the Overcast base URL ($TRSH_OVERCAST_URL overrides it)."
  ).inShell

  @Argument(help: "The base URL, https://HOST[:PORT].")
  var url: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    try context.instance().setOvercastURL(url)
    if let env = context.environment[Instance.overcastURLVariable], !env.isEmpty {
      context.interaction.notice(
        "note: $\(Instance.overcastURLVariable) (\(env)) overrides this URL in this session")
    }
    return Message("Overcast URL set to \(url)")
  }
}

/// `overcast url show`: the effective settings and where the URL comes from.
public struct OvercastURLShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show the Overcast URL, CA bundle and timeouts."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let s = try context.instance().overcastSettings(environment: context.environment)
    return Rendered(
      s,
      text: Fields([
        ("URL", s.url), ("From", s.source.rawValue),
        ("CA bundle", s.caBundle ?? "(system roots only)"),
        ("Connect timeout", "\(s.connectTimeoutSeconds)s"),
        ("Read timeout", "\(s.readTimeoutSeconds)s"),
      ]).text)
  }
}
