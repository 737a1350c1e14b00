/// One licence in the catalogue file.
///
/// The file is `{"licenses": [CatalogEntry, ...]}`, each entry
/// `{"key": "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "product": "Threat Response Enterprise",
///   "expires": "2027-12-31", "revoked": false, "boundTo": "instance-id"}`;
/// `revoked` (default false) and `boundTo` (default unbound) may be left out.
struct CatalogEntry: Codable, Sendable {
  var key: String
  var product: String
  /// The last day the licence is valid, `YYYY-MM-DD` (UTC).
  var expires: String
  var revoked: Bool?
  /// The instance id the key is already bound to, if any.
  var boundTo: String?
}
