import Foundation

/// The settings mapping table of DESIGN.md section 1 as data: each 4.x section, the 5.x section it
/// lands in, and for every old field its new field or why it has no place in 5.x.
///
/// Field keys may hold one `*`, which stands for an interface name (`eth*.address` matches
/// `eth0.address`, `eth1.address`); the new key gets the same name in place of its `*`.
public enum SettingsMapping {
  /// Where one old field goes.
  public enum Destination: Sendable, Equatable {
    /// Copied to this 5.x key of the section's new place.
    case field(String)
    /// Never written by a copy, whatever the old value (the 5.x Default Gateway).
    case leftAlone(String, reason: String)
    /// No place in 5.x.
    case omitted(reason: String)
  }

  /// One old field and its destination.
  public struct Field: Sendable, Equatable {
    public var oldKey: String
    public var destination: Destination
  }

  /// One row of the table: an old section, its new section and its fields.
  public struct Section: Sendable, Equatable {
    public var old: String
    public var new: String
    public var fields: [Field]

    /// The mapping of an old key, if the table knows it.
    public func field(for key: String) -> (field: Field, newKey: String?)? {
      for field in fields {
        guard let star = SettingsMapping.match(field.oldKey, key) else { continue }
        switch field.destination {
        case .field(let newKey), .leftAlone(let newKey, _):
          return (field, newKey.replacingOccurrences(of: "*", with: star))
        case .omitted: return (field, nil)
        }
      }
      return nil
    }
  }

  /// The rule and sensitivity of one 5.x field.
  public struct FieldSpec: Sendable, Equatable {
    public var key: String
    public var rule: SettingRule
    /// Sealed under the Master Secret at rest; never shown, never exported.
    public var sensitive: Bool
  }

  // Shared value rules.
  static let logLevels = ["debug", "info", "notice", "warning", "error", "critical"]
  static let authMethods = ["local", "ldap"]

  /// Every 5.x field trsh knows, by section, with its value rule.
  public static let currentFields: [String: [FieldSpec]] = {
    func f(_ key: String, _ rule: SettingRule, sensitive: Bool = false) -> FieldSpec {
      FieldSpec(key: key, rule: rule, sensitive: sensitive)
    }
    let net = "Configurations/Networking/"
    let sec = "Configurations/Security/"
    return [
      net + "Interfaces": [
        f("eth*.mode", .oneOf(["dhcp", "static"])), f("eth*.address", .ipAddress),
        f("eth*.netmask", .netmask), f("eth*.mtu", .integer(576...9216)),
      ],
      net + "Routing": [f("default_gateway", .ipAddress), f("static_routes", .list(.route))],
      net + "DNS": [
        f("hostname", .hostName), f("domain", .hostName), f("servers", .list(.ipAddress)),
        f("search_domains", .list(.hostName)),
      ],
      sec + "Authentication": [
        f("order", .list(.oneOf(authMethods))), f("lockout_attempts", .integer(0...100)),
        f("https_port", .port), f("session_timeout_minutes", .integer(1...1440)),
        f("login_banner", .text),
      ],
      "Maintenance/High Availability": [
        f("enabled", .boolean), f("role", .oneOf(["standalone", "primary", "secondary"])),
        f("shared_key", .text, sensitive: true),
      ],
      sec + "LDAP": [
        f("server", .host), f("port", .port), f("use_tls", .boolean), f("base_dn", .text),
        f("bind_dn", .text), f("bind_password", .text, sensitive: true), f("user_filter", .text),
      ],
      "Monitoring/SNMP": [
        f("enabled", .boolean), f("version", .oneOf(["v1", "v2c", "v3"])),
        f("community", .text, sensitive: true), f("trap_host", .host),
      ],
      "Monitoring/Logging": [
        f("level", .oneOf(logLevels)), f("syslog_server", .host), f("syslog_port", .port),
        f("retention_days", .integer(1...3650)),
      ],
      "Configurations/System/Date Time": [
        f("time_zone", .timeZone), f("ntp_enabled", .boolean), f("ntp_servers", .list(.host)),
      ],
      sec + "Certificates": [
        f("web_certificate", .text), f("web_certificate_expiry", .text), f("ca_bundle", .text),
      ],
    ]
  }()

  /// The table, in the old console's order.
  public static let sections: [Section] = {
    func to(_ old: String, _ new: String) -> Field { Field(oldKey: old, destination: .field(new)) }
    func same(_ key: String) -> Field { to(key, key) }
    func gone(_ old: String, _ reason: String) -> Field {
      Field(oldKey: old, destination: .omitted(reason: reason))
    }
    let net = "Configurations/Networking/"
    let sec = "Configurations/Security/"
    return [
      Section(
        old: "Setup/Interfaces", new: net + "Interfaces",
        fields: [
          same("eth*.address"), same("eth*.netmask"), same("eth*.mtu"),
          gone("eth*.duplex", "5.x always auto-negotiates speed and duplex"),
        ]),
      Section(
        old: "Setup/Routing", new: net + "Routing",
        fields: [
          Field(
            oldKey: "default_gateway",
            destination: .leftAlone(
              "default_gateway",
              reason: "the vendor's guide says the Default Gateway on the new Routing page"
                + " must not be touched")),
          same("static_routes"),
        ]),
      Section(
        old: "Setup/DNS", new: net + "DNS",
        fields: [same("hostname"), same("domain"), same("servers"), same("search_domains")]),
      Section(
        old: "Setup/Web", new: sec + "Authentication",
        fields: [
          same("https_port"), same("session_timeout_minutes"), same("login_banner"),
          gone("java_console", "5.x has no Java console; the web console replaces it"),
        ]),
      Section(
        old: "Setup/Cluster", new: "Maintenance/High Availability",
        fields: [
          same("enabled"), same("role"), same("shared_key"),
          gone("heartbeat_interval_seconds", "5.x sets the cluster heartbeat itself"),
        ]),
      Section(
        old: "Setup/AAA", new: sec + "Authentication",
        fields: [
          to("authentication_order", "order"), same("lockout_attempts"),
          gone("radius_server", "5.x does not support RADIUS authentication"),
        ]),
      Section(
        old: "Setup/LDAP", new: sec + "LDAP",
        fields: [
          same("server"), same("port"), same("use_tls"), same("base_dn"), same("bind_dn"),
          same("bind_password"), same("user_filter"),
          gone("group_attribute", "5.x maps LDAP groups to roles on the Roles page instead"),
        ]),
      Section(
        old: "Setup/SNMP", new: "Monitoring/SNMP",
        fields: [same("enabled"), same("version"), same("community"), same("trap_host")]),
      Section(
        old: "Setup/Logging", new: "Monitoring/Logging",
        fields: [
          same("level"), same("syslog_server"), same("syslog_port"), same("retention_days"),
          gone("log_to_serial", "5.x appliances have no serial console logging"),
        ]),
      Section(
        old: "Setup/Date and Time", new: "Configurations/System/Date Time",
        fields: [
          same("time_zone"),
          gone("date_format", "5.x shows dates in each user's browser locale"),
        ]),
      // NTP shares Date Time with the section above: its keys are distinct, so neither overwrites the other.
      Section(
        old: "Setup/NTP", new: "Configurations/System/Date Time",
        fields: [to("enabled", "ntp_enabled"), to("servers", "ntp_servers")]),
      Section(
        old: "Setup/Certificates", new: sec + "Certificates",
        fields: [same("web_certificate"), same("web_certificate_expiry"), same("ca_bundle")]),
    ]
  }()

  /// The row of an old section (exact path, or its last component case-insensitively: `NTP`).
  public static func section(old name: String) -> Section? {
    if let exact = sections.first(where: { $0.old == name }) { return exact }
    let lowered = name.lowercased()
    return sections.first {
      $0.old.lowercased() == lowered || $0.old.lowercased() == "setup/" + lowered
    }
  }

  /// The spec of a 5.x field, if trsh knows it.
  public static func currentSpec(for path: SettingPath) -> FieldSpec? {
    currentFields[path.section]?.first { match($0.key, path.key) != nil }
  }

  /// The spec a 4.x field's value must meet: that of the 5.x field it maps to.
  public static func legacySpec(for path: SettingPath) -> FieldSpec? {
    guard let section = sections.first(where: { $0.old == path.section }),
      let match = section.field(for: path.key)
    else { return nil }
    switch match.field.destination {
    case .field, .leftAlone:
      return match.newKey.flatMap { currentSpec(for: SettingPath(section.new, $0)) }
    case .omitted:
      // Fields with no place in 5.x are checked only for being text; sensitive ones stay sealed.
      return FieldSpec(key: path.key, rule: .text, sensitive: false)
    }
  }

  /// Whether a 4.x field is one the old console sealed (bind password, shared key, community).
  public static func isLegacySensitive(_ path: SettingPath) -> Bool {
    legacySpec(for: path)?.sensitive ?? false
  }

  /// The `*` part of `key` when it matches `pattern` (empty for a pattern without `*`), else nil.
  static func match(_ pattern: String, _ key: String) -> String? {
    guard let star = pattern.firstIndex(of: "*") else { return pattern == key ? "" : nil }
    let prefix = pattern[..<star]
    let suffix = pattern[pattern.index(after: star)...]
    guard key.count > prefix.count + suffix.count, key.hasPrefix(prefix), key.hasSuffix(suffix)
    else { return nil }
    let middle = key.dropFirst(prefix.count).dropLast(suffix.count)
    guard middle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
    return String(middle)
  }

  /// Keys of secret settings in either layout, lowercased (`bind_password`, `community`, …).
  static let secretKeys: Set<String> = {
    var keys = Set<String>()
    for fields in currentFields.values { for f in fields where f.sensitive { keys.insert(f.key) } }
    for section in sections {
      for field in section.fields where isLegacySensitive(SettingPath(section.old, field.oldKey)) {
        keys.insert(field.oldKey.lowercased())
      }
    }
    return keys
  }()

  /// Whether a word names a secret setting in either layout (`…/LDAP/bind_password`, any case,
  /// any section): the word after it is a secret value, whatever the command.
  public static func isSecretSettingWord(_ word: String) -> Bool {
    guard let slash = word.lastIndex(of: "/") else { return false }
    let key = word[word.index(after: slash)...]
    guard !key.isEmpty, slash != word.startIndex else { return false }
    return secretKeys.contains(key.lowercased())
  }
}
