/// The JSON answered by `POST /v1/licenses/validate`; every field is checked before use.
struct OvercastValidateResponseBody: Decodable {
  struct Result: Decodable {
    var key: String
    var valid: Bool
    var product: String?
    var expires: String?
    var reason: String?
  }

  var results: [Result]
}
