/// An HTTP CONNECT proxy for Overcast traffic, with optional basic authentication.
///
/// Its descriptions never include the password, so it can be logged or shown safely.
public struct OvercastProxy: Sendable, Equatable, CustomStringConvertible,
  CustomDebugStringConvertible,
  CustomReflectable
{
  public var host: String
  public var port: Int
  public var username: String?
  public var password: String?

  public init(host: String, port: Int, username: String? = nil, password: String? = nil) {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
  }

  /// Parses `HOST:PORT` (or `[IPv6]:PORT`), as typed after `--proxy`.
  public init(hostPort: String, username: String? = nil, password: String? = nil) throws {
    guard let colon = hostPort.lastIndex(of: ":"),
      let port = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(port)
    else {
      throw ApplianceError.usage(
        "proxy '\(hostPort)' must be HOST:PORT with a port from 1 to 65535")
    }
    var host = String(hostPort[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else {
      throw ApplianceError.usage("proxy '\(hostPort)' must be HOST:PORT: the host is missing")
    }
    self.init(host: host, port: port, username: username, password: password)
  }

  /// `host:port`, bracketing IPv6 literals.
  public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  public var description: String {
    if let username { return "\(address) (user \(username))" }
    return address
  }

  public var debugDescription: String { description }

  // Keeps `dump` and debugger summaries from walking into the password.
  public var customMirror: Mirror {
    Mirror(
      self, children: ["host": host, "port": port, "username": username as Any],
      displayStyle: .struct)
  }
}
