import Appliance
import ArgumentParser
import Foundation

/// `secret upload FILE [--yes]`: replaces the Master Secret and restarts all services.
public struct SecretUploadCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "upload",
    abstract: "Replace the Master Secret with an exported one (restarts all services)."
  ).inShell

  @Argument(help: "The secret file exported from the old appliance.", completion: .file())
  var file: String

  @OptionGroup public var output: OutputOptions
  @OptionGroup var confirm: ConfirmOptions

  public init() {}

  public var workflowAction: WorkflowAction { .secretUpload }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let url = URL(fileURLWithPath: file)
    // Check the file before asking: a wrong file should not cost a confirmation. Read once: it
    // may be a pipe.
    let uploaded = try MasterSecret.load(from: url, cancel: context.cancellation)
    try context.confirm(
      "Uploading the Master Secret restarts all services. Continue?", yes: confirm.yes)
    let (fingerprint, count) = try instance.uploadSecret(
      uploaded, record: context.workflowRecorder)
    return Rendered(
      SecretFile(file: instance.secretURL.path, fingerprint: fingerprint),
      text: Fields([
        ("fingerprint", fingerprint), ("re-encrypted", "\(count) field(s) of this instance"),
        ("services", "restarting (about \(Instance.serviceRestartSeconds) s)"),
      ]).text)
  }
}
