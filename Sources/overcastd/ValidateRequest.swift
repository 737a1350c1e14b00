/// The body of `POST /v1/licenses/validate`: `{"keys": [...], "instance": {"id": ..., "hostname": ...}}`.
struct ValidateRequest: Decodable, Sendable {
  /// The appliance asking.
  struct Instance: Decodable, Sendable {
    var id: String
    var hostname: String?
  }

  var keys: [String]
  var instance: Instance
}
