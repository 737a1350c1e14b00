import Appliance
import Foundation

/// How an instance reaches its PostgreSQL database: `database.json` (no secret in it) and the
/// password in `database.password`, both 0600 in the instance folder.
struct PostgresInstanceConfig: Codable, Equatable {
  var engine = "postgresql"
  var host: String
  var port: Int
  var user: String
  var database: String
  /// True when the instance runs its own server in `pgdata`; false for a managed database.
  var ownServer: Bool

  static func url(in directory: URL) -> URL { directory.appendingPathComponent("database.json") }
  static func passwordURL(in directory: URL) -> URL {
    directory.appendingPathComponent("database.password")
  }
  static func dataDirectory(in directory: URL) -> URL {
    directory.appendingPathComponent("pgdata", isDirectory: true)
  }

  static func load(from directory: URL) throws -> PostgresInstanceConfig {
    let url = url(in: directory)
    do {
      return try JSONDecoder().decode(PostgresInstanceConfig.self, from: Data(contentsOf: url))
    } catch {
      throw ApplianceError.failed("cannot read \(url.path): \(error.localizedDescription)")
    }
  }

  func save(in directory: URL, password: String?) throws {
    if let password {
      try PrivateFiles.write(
        Data(password.utf8), to: Self.passwordURL(in: directory), durable: true)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try PrivateFiles.write(try encoder.encode(self), to: Self.url(in: directory), durable: true)
  }

  func endpoint(in directory: URL) -> PGEndpoint {
    let password = (try? String(contentsOf: Self.passwordURL(in: directory), encoding: .utf8))?
      .trimmingCharacters(in: .newlines)
    return PGEndpoint(
      host: host, port: port, user: user, password: password, database: database)
  }

  func server(in directory: URL) -> PostgresServer? {
    ownServer ? PostgresServer(dataDirectory: Self.dataDirectory(in: directory), port: port) : nil
  }

  /// Parses `postgresql://user@host:port/database`; a password in it is refused (it would
  /// show in the process list and the shell's history).
  static func parse(url text: String) throws -> PostgresInstanceConfig {
    guard let components = URLComponents(string: text),
      ["postgresql", "postgres"].contains(components.scheme ?? ""),
      let host = components.host, !host.isEmpty
    else {
      throw ApplianceError.usage(
        "--database-url must look like postgresql://USER@HOST:PORT/DATABASE")
    }
    if components.password != nil {
      throw ApplianceError.usage(
        "--database-url must not hold the password (it would show in the process list and"
          + " history): give it with --password-file FILE or at the prompt; nothing was created")
    }
    let database = String(components.path.drop(while: { $0 == "/" }))
    return PostgresInstanceConfig(
      host: host, port: components.port ?? 5432, user: components.user ?? "postgres",
      database: database.isEmpty ? "postgres" : database, ownServer: false)
  }
}
