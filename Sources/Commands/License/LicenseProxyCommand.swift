import Appliance
import ArgumentParser

/// `license proxy ...`: the HTTP proxy used for licence validation only.
public struct LicenseProxyCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "proxy", abstract: "Set, show or clear the proxy used for licence validation.",
    subcommands: [
      LicenseProxySetCommand.self, LicenseProxyShowCommand.self, LicenseProxyClearCommand.self,
    ])

  public init() {}
}

/// `license proxy set HOST:PORT [--user USER] [--password-file FILE]`.
public struct LicenseProxySetCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Set the licensing proxy; the password is stored encrypted.",
    discussion: """
      With --user, the password comes from --password-file, else $TRSH_PROXY_PASSWORD, \
      else a prompt without echo on a terminal. It is never an argument.
      """
  ).inShell

  @Argument(help: "The proxy, HOST:PORT.")
  var hostPort: String

  @Option(help: "User for basic authentication.")
  var user: String?

  @Option(help: "A file whose first line is the password.", completion: .file())
  var passwordFile: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    do { _ = try OvercastProxy(hostPort: hostPort) } catch let error as ApplianceError {
      throw ValidationError(error.message)
    }
    if passwordFile != nil && user == nil { throw ValidationError("--password-file needs --user") }
  }

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    var proxy = try OvercastProxy(hostPort: hostPort)
    if let user {
      proxy.username = user
      proxy.password = try ProxyPassword.read(user: user, file: passwordFile, in: context)
    }
    let instance = try context.instance()
    try instance.setLicensingProxy(proxy)
    return Message(
      "licensing proxy set to \(proxy.description)",
      outcome: .secretReentered(nothingUnreadable: try instance.unreadableFields().isEmpty))
  }
}

/// `license proxy show`: never the password, only whether one is set.
public struct LicenseProxyShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show the licensing proxy (never its password)."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    LicensingProxyShown(try context.instance().licensingProxyInfo())
  }
}

/// `license proxy clear`.
public struct LicenseProxyClearCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "clear", abstract: "Remove the licensing proxy."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let cleared = try instance.clearLicensingProxy()
    // Clearing answers the restore's unreadable mark on the proxy password.
    return Message(
      cleared ? "licensing proxy cleared" : "no licensing proxy was set",
      outcome: .secretReentered(nothingUnreadable: try instance.unreadableFields().isEmpty))
  }
}
