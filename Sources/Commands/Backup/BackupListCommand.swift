import Appliance
import ArgumentParser

/// `backup list`: the archives made or uploaded here, newest first.
public struct BackupListCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the backups made and uploaded here."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let files = try context.instance().backupFiles()
    let table = Table(
      columns: ["File", "Where", "Size", "Host", "Version", "Created", "Sources live"],
      rows: files.map {
        [
          $0.name, $0.location, byteText($0.bytes), $0.header?.hostname ?? "?",
          $0.header?.applianceVersion ?? "unreadable", $0.header?.createdAt ?? "",
          $0.header.map { $0.sourcesLive ? "yes" : "no" } ?? "",
        ]
      }, emptyText: "no backups")
    return Rendered(files, text: table.text)
  }
}
