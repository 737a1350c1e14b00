/// One line of the `--request-log` file.
struct RequestLogEntry: Codable, Sendable {
  /// ISO 8601, UTC.
  var time: String
  var method: String
  var path: String
  var status: Int
  /// How many keys a validate request carried; absent for other requests.
  var keys: Int?
}
