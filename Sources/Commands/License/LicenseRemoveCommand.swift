import Appliance
import ArgumentParser

/// `license remove KEY`.
public struct LicenseRemoveCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove a licence key from the instance."
  ).inShell

  @Argument(help: "The licence key.", completion: .provider("license-keys"))
  var key: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func validate() throws {
    do { _ = try LicenseKey(key) } catch let error as ApplianceError {
      throw ValidationError(error.message)
    }
  }

  public var workflowAction: WorkflowAction { .licenseEdit }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let key = try context.instance().removeLicense(key)
    return Message("removed \(key.masked)")
  }
}
