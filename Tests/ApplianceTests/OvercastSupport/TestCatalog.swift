import Appliance
import Foundation

/// A licence catalogue with one key for each verdict overcastd can give.
struct TestCatalog {
  static let product = "Threat Response Enterprise"
  static let expiry = "2099-12-31"

  let valid = LicenseKey.make(indices: Array(0..<24))
  let secondValid = LicenseKey.make(indices: Array(1..<25))
  let expired = LicenseKey.make(indices: Array(2..<26))
  let revoked = LicenseKey.make(indices: Array(3..<27))
  let boundElsewhere = LicenseKey.make(indices: Array(4..<28))
  /// A well-formed key the catalogue does not hold.
  let unknown = LicenseKey.make(indices: Array(5..<29))

  func json() throws -> Data {
    let licenses: [[String: Any]] = [
      ["key": valid.value, "product": Self.product, "expires": Self.expiry],
      ["key": secondValid.value, "product": "Threat Response Cluster", "expires": "2098-06-30"],
      ["key": expired.value, "product": Self.product, "expires": "2020-01-31"],
      ["key": revoked.value, "product": Self.product, "expires": Self.expiry, "revoked": true],
      [
        "key": boundElsewhere.value, "product": Self.product, "expires": Self.expiry,
        "boundTo": "another-instance",
      ],
    ]
    return try JSONSerialization.data(
      withJSONObject: ["licenses": licenses], options: [.prettyPrinted])
  }
}
