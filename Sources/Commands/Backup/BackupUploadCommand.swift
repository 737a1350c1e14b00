import Appliance
import ArgumentParser
import Foundation

/// `backup upload FILE`: copies an archive into this instance's uploads/, checking every byte.
public struct BackupUploadCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "upload",
    abstract: "Upload a backup into this instance (verified; a newer version is refused)."
  ).inShell

  @Argument(help: "The backup file to upload.", completion: .file(extensions: ["trbk"]))
  var file: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .backupUpload }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let instance = try context.instance()
    let (header, destination) = try instance.uploadBackup(
      URL(fileURLWithPath: file), progress: context.progressSink, cancel: context.cancellation)
    var fields = [("uploaded", destination.path)] + headerFields(header)
    if header.sourcesLive {
      fields.append(
        ("warning", "this backup was made with alert sources enabled on the old appliance"))
    }
    return Rendered(
      UploadedBackup(file: destination.path, header: header), text: Fields(fields).text,
      outcome: .backupUploaded(sourcesLive: header.sourcesLive))
  }
}

/// What `backup upload --json` prints.
struct UploadedBackup: Encodable {
  var file: String
  var header: BackupHeader
}
