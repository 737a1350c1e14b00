/// A made-up customer site (addresses, domain, company) from which sample settings are drawn.
struct Site {
  let company: String
  let domain: String
  let baseDN: String
  let address: String
  let gateway: String
  let mgmtAddress: String
  let mgmtGateway: String
  let dnsServers: String
  let ntpServers: String
  let monitoringHost: String
  let timeZone: String
  let sessionTimeout: Int
  let certificateExpiry: String

  static let companies = [
    ("Northwind Traders", "northwind.example"), ("Contoso", "contoso.example"),
    ("Fabrikam", "fabrikam.example"), ("Globex", "globex.example"),
    ("Initech", "initech.example"), ("Umbrella Logistics", "umbrella.example"),
  ]
  static let zones = [
    "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "Asia/Singapore",
    "Australia/Sydney",
  ]

  init(rng: inout SeededGenerator, hostname: String) {
    let (company, domain) = rng.pick(Site.companies)
    self.company = company
    self.domain = domain
    baseDN = domain.split(separator: ".").map { "dc=\($0)" }.joined(separator: ",")
    let net = 10 + rng.below(200)
    let host = 10 + rng.below(200)
    address = "10.\(net).1.\(host)"
    gateway = "10.\(net).1.1"
    mgmtAddress = "172.16.\(net).\(host)"
    mgmtGateway = "172.16.\(net).1"
    dnsServers = "10.\(net).0.53,10.\(net).1.53"
    ntpServers = "ntp1.\(domain),ntp2.\(domain)"
    monitoringHost = "siem.\(domain)"
    timeZone = rng.pick(Site.zones)
    sessionTimeout = [15, 30, 60][rng.below(3)]
    certificateExpiry = "20\(26 + rng.below(3))-0\(1 + rng.below(9))-1\(rng.below(10))"
  }

  /// A password-like random string.
  func secret(_ length: Int, _ rng: inout SeededGenerator) -> String {
    let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%+")
    return String((0..<length).map { _ in alphabet[rng.below(alphabet.count)] })
  }
}
