import Appliance
import ArgumentParser

/// `instance info`: where the instance is and what it holds.
public struct InstanceInfoCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Show the instance's path, id, versions, size and table counts."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let i = try context.instance().info()
    var fields: [(String, String)] = [
      ("path", i.path), ("id", i.instanceId), ("host", i.hostname),
      ("version", "\(i.applianceVersion) (schema \(i.schemaVersion))"), ("created", i.createdAt),
    ]
    if let from = i.migratedFrom { fields.append(("migrated from", from)) }
    fields += [
      ("engine", i.engine), ("database", "\(i.databaseBytes) bytes"),
      ("backups", String(i.backups)),
      ("uploads", String(i.uploads)), ("secret", i.secretFingerprint),
    ]
    fields += i.tables.sorted { $0.key < $1.key }.map { ("  \($0.key)", String($0.value)) }
    return Rendered(i, text: Fields(fields).text)
  }
}
