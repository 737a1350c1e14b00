/// A console user; `isSystem` marks the built-in `admin` account (the only one a restore may carry).
public struct User: Codable, Sendable, Equatable {
  public var id: Int64
  public var username: String
  /// Salted hash in `PasswordHash` text form; never the password.
  public var passwordHash: String
  public var isSystem: Bool
  public var role: String
  public var createdAt: String

  public init(
    id: Int64, username: String, passwordHash: String, isSystem: Bool, role: String,
    createdAt: String
  ) {
    self.id = id
    self.username = username
    self.passwordHash = passwordHash
    self.isSystem = isSystem
    self.role = role
    self.createdAt = createdAt
  }
}
