import Appliance
import ArgumentParser

/// `license validate [KEY...]`: asks Overcast and moves each key to Installed or Invalid.
public struct LicenseValidateCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate licence keys with Overcast (the given ones, or all Available ones).",
    discussion: """
      Uses the licensing proxy ('license proxy set') unless --proxy names another one. \
      A connectivity failure changes no licence and exits with status 5.
      """
  ).inShell

  @Argument(
    help: "The keys to validate (default: every Available key).",
    completion: .provider("license-keys"))
  var keys: [String] = []

  @Option(help: "Go through this HTTP proxy (HOST:PORT) instead of the licensing proxy.")
  var proxy: String?

  @Option(
    help: "User for --proxy (password from $TRSH_PROXY_PASSWORD, else asked on the terminal).")
  var proxyUser: String?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    // Typos are caught here: no request may reach Overcast for a mistyped key.
    for key in keys {
      do { _ = try LicenseKey(key) } catch let error as ApplianceError {
        throw ValidationError(error.message)
      }
    }
    if let proxy {
      do { _ = try OvercastProxy(hostPort: proxy) } catch let error as ApplianceError {
        throw ValidationError(error.message)
      }
    }
    if proxyUser != nil && proxy == nil { throw ValidationError("--proxy-user needs --proxy") }
  }

  public var workflowAction: WorkflowAction { .licenseValidate }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let route =
      try ProxyPassword.proxy(hostPort: proxy, user: proxyUser, in: context)
      ?? instance.licensingProxy()
    let configuration = try instance.overcastConfiguration(
      environment: context.environment, proxy: route)
    try context.checkCancelled()
    let updated = try instance.validateLicenses(keys, configuration: configuration)
    let anyInstalled = try !instance.licenses(in: .installed).isEmpty
    let rows = updated.map(LicenseRow.init)
    let lines = updated.map { license -> String in
      switch license.state {
      case .installed:
        "\(license.key.masked): Installed (\(license.productName ?? ""), expires \(license.expiresAt ?? ""))"
      case .invalid: "\(license.key.masked): Invalid (\(license.reason ?? ""))"
      case .available: "\(license.key.masked): Available"
      }
    }
    return Rendered(
      rows,
      text: lines.isEmpty ? "no Available licences to validate" : lines.joined(separator: "\n"),
      outcome: .licensesValidated(anyInstalled: anyInstalled))
  }
}
