import Appliance
import ArgumentParser

/// `license list [--available | --installed | --invalid]`.
public struct LicenseListCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the licence keys (masked) and their state."
  ).inShell

  @Flag(help: "Only the keys in this state.")
  var state: LicenseStateFilter?

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let rows = try context.instance().licenses(in: state?.state).map(LicenseRow.init)
    let table = Table(
      columns: LicenseRow.columns, rows: rows.map(\.cells),
      emptyText: state.map { "no \($0.state.rawValue) licences" } ?? "no licences")
    return Rendered(rows, text: table.text)
  }
}

/// The state flags of `license list`.
enum LicenseStateFilter: String, EnumerableFlag {
  case available, installed, invalid

  var state: LicenseState {
    switch self {
    case .available: .available
    case .installed: .installed
    case .invalid: .invalid
    }
  }
}
