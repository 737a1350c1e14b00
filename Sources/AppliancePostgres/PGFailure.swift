import Appliance
import Foundation
import PostgresNIO

/// Turns PostgresNIO's errors (which hide the server's message) into what an admin can act on,
/// naming the server but never the password.
enum PGFailure {
  static func connect(_ endpoint: PGEndpoint, _ error: any Error) -> ApplianceError {
    ApplianceError.failed(
      "cannot connect to the database at \(endpoint.label) as \(endpoint.user): \(reason(error))")
  }

  static func query(_ endpoint: PGEndpoint, _ error: any Error) -> ApplianceError {
    if let error = error as? ApplianceError { return error }
    return ApplianceError.failed("the database at \(endpoint.label) refused: \(reason(error))")
  }

  /// The server's own message, or the network's reason.
  static func reason(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let message = error.serverInfo?[.message] {
        let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        return message + state
      }
      if let underlying = error.underlying { return reason(underlying) }
      switch error.code {
      case .serverClosedConnection: return "the server closed the connection"
      case .connectionError: return "connection failed"
      default: return "\(error.code)"
      }
    }
    if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
    if let error = error as? ChannelError {
      switch error {
      case .connectTimeout: return "timed out"
      default: return "\(error)"
      }
    }
    if let error = error as? NIOConnectionError {
      return error.connectionErrors.first.map { reason($0.error) } ?? "connection failed"
    }
    return "\(error)"
  }

  /// SQLSTATE of a server error, when it is one.
  static func sqlState(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }
}
