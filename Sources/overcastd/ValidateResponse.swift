import Hummingbird

/// The answer to `POST /v1/licenses/validate`: one result per key, in request order.
struct ValidateResponse: ResponseCodable, Sendable {
  var results: [ValidationResult]
}
