import Appliance
import ArgumentParser

/// `backup show FILE`: the header only (versions, host, time, counts, fingerprint, sources live).
public struct BackupShowCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a backup's header without reading its body."
  ).inShell

  @Argument(
    help: "The backup file (a path, or a name in uploads/ or backups/).",
    completion: .provider("backup-files"))
  var file: String

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let url = try context.instance().backupFile(named: file)
    let header = try BackupArchive.readHeader(url)
    return Rendered(header, text: Fields([("file", url.path)] + headerFields(header)).text)
  }
}
