import Appliance
import ArgumentParser

/// `secret show`: the Master Secret's fingerprint (never the secret).
public struct SecretShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show the Master Secret's fingerprint."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let fingerprint = try instance.secret().fingerprint
    return Rendered(
      SecretFile(file: instance.secretURL.path, fingerprint: fingerprint),
      text: Fields([("fingerprint", fingerprint), ("file", instance.secretURL.path)]).text)
  }
}
