/// The JSON sent to `POST /v1/licenses/validate`.
struct OvercastValidateRequestBody: Encodable {
  struct Instance: Encodable {
    var id: String
    var hostname: String
  }

  var keys: [String]
  var instance: Instance
}
