import Appliance
import ArgumentParser
import Foundation

/// `secret export --output FILE [--force]`: writes the Master Secret (mode 0600).
public struct SecretExportCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write the Master Secret to a file (mode 0600)."
  ).inShell

  @Option(name: .customLong("output"), help: "The file to write.", completion: .file())
  var outputFile: String

  @Flag(help: "Overwrite an existing file.")
  var force = false

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .secretExport }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let url = URL(fileURLWithPath: outputFile)
    let fingerprint = try context.instance().exportSecret(to: url, force: force)
    return Rendered(
      SecretFile(file: url.path, fingerprint: fingerprint),
      text: Fields([("exported", url.path), ("fingerprint", fingerprint)]).text)
  }
}

/// A secret file and the fingerprint of the secret in it (never the secret).
struct SecretFile: Encodable {
  var file: String
  var fingerprint: String
}
