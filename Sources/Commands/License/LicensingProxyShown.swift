import Appliance

/// `license proxy show` as fields: `configured`, and when a proxy is set its address, user and
/// whether a password is set and readable (never the password).
public struct LicensingProxyShown: CommandResult {
  public var info: LicensingProxyInfo?

  public init(_ info: LicensingProxyInfo?) { self.info = info }

  public var text: String {
    guard let info else { return "no licensing proxy: licence validation connects directly" }
    let password =
      !info.passwordSet ? "not set" : (info.passwordReadable ? "set" : "UNREADABLE (set it again)")
    return Fields([
      ("Proxy", OvercastProxy(host: info.host, port: info.port).address),
      ("User", info.username ?? "(none)"), ("Password", password),
    ]).text
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(info != nil, forKey: .configured)
    guard let info else { return }
    try c.encode(info.host, forKey: .host)
    try c.encode(info.port, forKey: .port)
    try c.encode(info.username, forKey: .username)
    try c.encode(info.passwordSet, forKey: .passwordSet)
    try c.encode(info.passwordReadable, forKey: .passwordReadable)
  }

  enum CodingKeys: String, CodingKey {
    case configured, host, port, username, passwordSet, passwordReadable
  }
}
