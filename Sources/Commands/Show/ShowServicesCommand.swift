import Appliance
import ArgumentParser

/// `show services`: whether the appliance's services run or restart.
public struct ShowServicesCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "services",
    abstract: "Show the appliance's services: running, or restarting until when."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    try context.settleServices(wait: false)
    let services = try context.instance().services()
    let table = Table(
      columns: ["Service", "State", "Until"],
      rows: services.map { [$0.name, $0.state.rawValue, $0.restartingUntil ?? ""] })
    return Rendered(services, text: table.text)
  }
}
