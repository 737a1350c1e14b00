/// A database server the instance uses instead of running its own (a managed database).
public struct ExternalDatabase: Sendable, Equatable {
  /// `postgresql://user@host:port/database`, never with a password in it.
  public var url: String
  /// Read from a file or the terminal, never from the command line.
  public var password: String?

  public init(url: String, password: String?) {
    self.url = url
    self.password = password
  }
}
