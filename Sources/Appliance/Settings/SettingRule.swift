import Foundation

/// What values a setting accepts; `check` explains a rejection in words an admin can act on.
public enum SettingRule: Sendable, Equatable {
  /// Any text (banners, distinguished names, filters).
  case text
  /// An IPv4 or IPv6 address.
  case ipAddress
  /// A dotted IPv4 netmask (`255.255.255.0`) or a prefix length (`24`).
  case netmask
  /// A host name or an IP address.
  case host
  /// A DNS name (host or domain).
  case hostName
  /// A TCP/UDP port, 1-65535.
  case port
  /// A whole number in a range.
  case integer(ClosedRange<Int>)
  /// `true` or `false`.
  case boolean
  /// One of a fixed set of words.
  case oneOf([String])
  /// A comma-separated, non-empty list whose items each follow the inner rule.
  indirect case list(SettingRule)
  /// A route: `CIDR via ADDRESS`.
  case route
  /// An IANA time zone name (`UTC`, `Europe/Paris`).
  case timeZone

  /// Nil when `value` is acceptable, else the reason it is not.
  public func problem(with value: String) -> String? {
    switch self {
    case .text: return nil
    case .ipAddress:
      return Self.isIPAddress(value) ? nil : "'\(value)' is not an IPv4 or IPv6 address"
    case .netmask:
      if let bits = Int(value), (0...32).contains(bits) { return nil }
      return Self.isNetmask(value)
        ? nil : "'\(value)' is not a netmask (255.255.255.0) or a prefix length (0-32)"
    case .host:
      return Self.isIPAddress(value) || Self.isHostName(value)
        ? nil : "'\(value)' is neither a host name nor an IP address"
    case .hostName:
      return Self.isHostName(value) ? nil : "'\(value)' is not a valid host name"
    case .port:
      if let port = Int(value), (1...65535).contains(port) { return nil }
      return "'\(value)' is not a port (1-65535)"
    case .integer(let range):
      if let n = Int(value), range.contains(n) { return nil }
      return "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"
    case .boolean:
      return ["true", "false"].contains(value) ? nil : "'\(value)' is not true or false"
    case .oneOf(let words):
      return words.contains(value)
        ? nil : "'\(value)' is not one of: \(words.joined(separator: ", "))"
    case .list(let inner):
      let items = value.split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      if value.trimmingCharacters(in: .whitespaces).isEmpty { return "the list is empty" }
      for item in items {
        if item.isEmpty { return "'\(value)' has an empty item" }
        if let problem = inner.problem(with: item) { return problem }
      }
      return nil
    case .route:
      let parts = value.split(separator: " ").map(String.init)
      guard parts.count == 3, parts[1] == "via", Self.isCIDR(parts[0]),
        Self.isIPAddress(parts[2])
      else { return "'\(value)' is not a route (CIDR via ADDRESS, e.g. 10.20.0.0/16 via 10.0.0.1)" }
      return nil
    case .timeZone:
      let pattern = #"^(UTC|GMT|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2})$"#
      return value.range(of: pattern, options: .regularExpression) != nil
        ? nil : "'\(value)' is not a time zone name (UTC, Europe/Paris, America/New_York)"
    }
  }

  /// A short name of the rule, for `settings map`.
  public var summary: String {
    switch self {
    case .text: "text"
    case .ipAddress: "IP address"
    case .netmask: "netmask"
    case .host: "host name or IP address"
    case .hostName: "host name"
    case .port: "port 1-65535"
    case .integer(let r): "number \(r.lowerBound)-\(r.upperBound)"
    case .boolean: "true|false"
    case .oneOf(let words): words.joined(separator: "|")
    case .list(let inner): "list of \(inner.summary)"
    case .route: "CIDR via address"
    case .timeZone: "time zone"
    }
  }

  static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    return parts.allSatisfy { part in
      guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
        let n = Int(part), n <= 255
      else { return false }
      return part.count == 1 || part.first != "0"  // no ambiguous octal-looking octets
    }
  }

  static func isIPv6(_ text: String) -> Bool {
    guard text.contains(":"), !text.contains(":::") else { return false }
    var body = Substring(text)
    var groupsAllowed = 8
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
    if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".")
    {
      guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
      body = body[...lastColon]
      if body.hasSuffix(":") && !body.hasSuffix("::") { body = body.dropLast() }
      groupsAllowed = 6
    }
    let halves = body.components(separatedBy: "::")
    guard halves.count <= 2 else { return false }
    func groups(_ s: String) -> [Substring]? {
      if s.isEmpty { return [] }
      let g = s.split(separator: ":", omittingEmptySubsequences: false)
      let ok = g.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
      return ok ? g : nil
    }
    guard let head = groups(halves[0]) else { return false }
    if halves.count == 1 { return head.count == groupsAllowed }
    guard let tail = groups(halves[1]) else { return false }
    return head.count + tail.count < groupsAllowed
  }

  static func isIPAddress(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

  static func isCIDR(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, let bits = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else {
      return false
    }
    if isIPv4(parts[0]) { return (0...32).contains(bits) }
    if isIPv6(parts[0]) { return (0...128).contains(bits) }
    return false
  }

  static func isNetmask(_ text: String) -> Bool {
    guard isIPv4(text) else { return false }
    let value = text.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32($1)! }
    // Contiguous ones then zeros: inverting and adding one gives a power of two.
    let inverted = ~value
    return inverted & (inverted &+ 1) == 0
  }

  static func isHostName(_ text: String) -> Bool {
    let name = text.hasSuffix(".") ? String(text.dropLast()) : text
    guard !name.isEmpty, name.count <= 253, !isIPv4(name) else { return false }
    // An all-digit last label is a mistyped address (10.0.0.300), never a top-level domain.
    if let last = name.split(separator: ".").last, last.allSatisfy(\.isNumber) { return false }
    return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
      guard (1...63).contains(label.count), label.first != "-", label.last != "-" else {
        return false
      }
      return label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
  }
}
