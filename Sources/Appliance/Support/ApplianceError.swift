/// A domain failure, classified so the shell can map it to an exit code.
public struct ApplianceError: Error, CustomStringConvertible, Sendable, Equatable {
  /// How a failure is classified; each kind has its own exit code (DESIGN.md section 6).
  public enum Kind: Sendable, Equatable, CaseIterable {
    /// The command failed (exit 1).
    case failed
    /// Bad input from the user (exit 2).
    case usage
    /// Refused in the current workflow state (exit 3).
    case refused
    /// Validation failed: secret mismatch, integrity, invalid licence (exit 4).
    case validation
    /// Connectivity failure: DNS, connect, TLS, proxy, HTTP (exit 5).
    case connectivity
    /// Interrupted by the admin (Ctrl-C, exit 130).
    case cancelled
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  public static func failed(_ message: String) -> ApplianceError { .init(.failed, message) }
  public static func usage(_ message: String) -> ApplianceError { .init(.usage, message) }
  public static func refused(_ message: String) -> ApplianceError { .init(.refused, message) }
  public static func validation(_ message: String) -> ApplianceError { .init(.validation, message) }
  public static func connectivity(_ message: String) -> ApplianceError {
    .init(.connectivity, message)
  }
  public static let cancelled = ApplianceError(.cancelled, "interrupted")
}
