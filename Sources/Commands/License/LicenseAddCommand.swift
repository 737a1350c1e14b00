import Appliance
import ArgumentParser

/// `license add KEY`: a new Available key, checked locally before anything else.
public struct LicenseAddCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a licence key (format and check character verified)."
  ).inShell

  @Argument(help: "The licence key, XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.")
  var key: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    // A typo is a usage error before the workflow or the instance is even consulted.
    do { _ = try LicenseKey(key) } catch let error as ApplianceError {
      throw ValidationError(error.message)
    }
  }

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let license = try context.instance().addLicense(key)
    return Rendered(
      LicenseRow(license),
      text: "added \(license.key.masked) (Available: run 'license validate' to install it)")
  }
}
