import Appliance
import ArgumentParser

/// `alert-source ...`: list, inspect, enable and disable the alert sources the appliance polls.
public struct AlertSourceCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "alert-source",
    abstract: "List, show, enable and disable alert sources; re-enter their credentials.",
    subcommands: [
      AlertSourceListCommand.self, AlertSourceShowCommand.self, AlertSourceEnableCommand.self,
      AlertSourceDisableCommand.self, AlertSourceCredentialsCommand.self,
    ])

  public init() {}

  /// Registers the completion of alert-source names.
  static let registerProvider: Void = {
    ValueProviders.shared.register("alert-sources") { where_ in
      guard let instance = try? Instance.open(at: where_.instancePath, createIfMissing: false)
      else { return [] }
      return instance.alertSourceNames()
    }
  }()
}

/// One alert source as a table row.
func alertSourceRow(_ s: AlertSourceInfo) -> [String] {
  let credentials = !s.credentialsSet ? "not set" : (s.credentialsReadable ? "set" : "UNREADABLE")
  return [
    s.name, s.type.rawValue, s.enabled ? "enabled" : "disabled", "\(s.pollIntervalSeconds)s",
    credentials,
  ]
}

let alertSourceColumns = ["Name", "Type", "State", "Poll", "Credentials"]
