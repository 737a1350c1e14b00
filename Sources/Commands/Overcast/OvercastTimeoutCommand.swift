import Appliance
import ArgumentParser

/// `overcast timeout set [--connect S] [--read S]`: the limits used by `ping overcast` and `license validate`.
public struct OvercastTimeoutCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "timeout", abstract: "Set the Overcast connect and read timeouts.",
    subcommands: [OvercastTimeoutSetCommand.self])

  public init() {}
}

/// `overcast timeout set [--connect S] [--read S]`.
public struct OvercastTimeoutSetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Set the connect (TCP, proxy, TLS) and read timeouts, in seconds."
  ).inShell

  @Option(help: "Seconds allowed to connect (TCP, proxy CONNECT and TLS handshake).")
  var connect: Double?

  @Option(help: "Seconds allowed for each read once the request is sent.")
  var read: Double?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    if connect == nil && read == nil { throw ValidationError("give --connect, --read or both") }
  }

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    try instance.setOvercastTimeouts(connect: connect, read: read)
    let s = try instance.overcastSettings(environment: context.environment)
    return Message(
      "Overcast timeouts: connect \(s.connectTimeoutSeconds)s, read \(s.readTimeoutSeconds)s")
  }
}
