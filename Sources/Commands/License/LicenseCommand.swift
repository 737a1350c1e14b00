import Appliance
import ArgumentParser

/// `license ...`: the licence keys of the instance and their validation with Overcast.
public struct LicenseCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "license", abstract: "List, add, remove and validate licence keys.",
    subcommands: [
      LicenseListCommand.self, LicenseAddCommand.self, LicenseRemoveCommand.self,
      LicenseValidateCommand.self, LicenseProxyCommand.self,
    ])

  public init() {}

  /// Registers the completion of licence keys.
  static let registerProvider: Void = {
    ValueProviders.shared.register("license-keys") { where_ in
      guard let instance = try? Instance.open(at: where_.instancePath, createIfMissing: false)
      else { return [] }
      return instance.licenseKeys()
    }
  }()
}

/// A licence as `license list` shows it: the key masked, the full key only in JSON.
struct LicenseRow: Encodable {
  var key: String
  var masked: String
  var state: String
  var product: String?
  var expires: String?
  var lastValidated: String?
  var reason: String?

  init(_ license: License) {
    key = license.key.value
    masked = license.key.masked
    state = license.state.rawValue
    product = license.productName
    expires = license.expiresAt
    lastValidated = license.lastValidatedAt
    reason = license.reason
  }

  static let columns = ["Key", "State", "Product", "Expires", "Reason"]

  var cells: [String] { [masked, state, product ?? "", expires ?? "", reason ?? ""] }
}
