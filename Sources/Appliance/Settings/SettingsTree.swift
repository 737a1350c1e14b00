/// Console settings trees: the 4.x `Setup/...` layout and the 5.x layout, as sample or default content.
public enum SettingsTree {
  /// 4.x section paths, in console order.
  public static let legacySections = [
    "Setup/Interfaces", "Setup/Routing", "Setup/DNS", "Setup/Web", "Setup/Cluster", "Setup/AAA",
    "Setup/LDAP", "Setup/SNMP", "Setup/Logging", "Setup/Date and Time", "Setup/NTP",
    "Setup/Certificates",
  ]

  /// 5.x section paths, in console order.
  public static let currentSections = [
    "Configurations/Networking/Interfaces", "Configurations/Networking/Routing",
    "Configurations/Networking/DNS", "Configurations/Security/Authentication",
    "Maintenance/High Availability", "Configurations/Security/LDAP", "Monitoring/SNMP",
    "Monitoring/Logging", "Configurations/System/Date Time",
    "Configurations/Security/Certificates",
  ]

  /// Section and key of the 5.x default gateway, which a settings copy must never overwrite.
  public static let currentDefaultGateway = ("Configurations/Networking/Routing", "default_gateway")

  /// A fresh 5.x appliance's settings: single interface, default gateway, local authentication.
  public static func defaultCurrent(hostname: String) -> [SettingDraft] {
    let net = "Configurations/Networking/"
    return [
      SettingDraft(net + "Interfaces", "eth0.mode", "dhcp"),
      SettingDraft(net + "Interfaces", "eth0.mtu", "1500"),
      SettingDraft(net + "Routing", "default_gateway", "192.168.1.1"),
      SettingDraft(net + "DNS", "hostname", hostname),
      SettingDraft(net + "DNS", "servers", "192.168.1.1"),
      SettingDraft("Configurations/Security/Authentication", "order", "local"),
      SettingDraft("Configurations/Security/Authentication", "session_timeout_minutes", "30"),
      SettingDraft("Maintenance/High Availability", "enabled", "false"),
      SettingDraft("Monitoring/SNMP", "enabled", "false"),
      SettingDraft("Monitoring/Logging", "level", "info"),
      SettingDraft("Configurations/System/Date Time", "time_zone", "UTC"),
      SettingDraft("Configurations/System/Date Time", "ntp_servers", "pool.ntp.org"),
      SettingDraft(
        "Configurations/Security/Certificates", "web_certificate", "self-signed CN=\(hostname)"),
    ]
  }

  /// A full 4.x settings tree, including fields 5.x no longer has.
  static func sampleLegacy(hostname: String, rng: inout SeededGenerator) -> [SettingDraft] {
    let site = Site(rng: &rng, hostname: hostname)
    let s = "Setup/"
    return [
      SettingDraft(s + "Interfaces", "eth0.address", site.address),
      SettingDraft(s + "Interfaces", "eth0.netmask", "255.255.255.0"),
      SettingDraft(s + "Interfaces", "eth0.mtu", "1500"),
      SettingDraft(s + "Interfaces", "eth1.address", site.mgmtAddress),
      SettingDraft(s + "Interfaces", "eth1.netmask", "255.255.255.0"),
      SettingDraft(s + "Interfaces", "eth1.duplex", "auto"),  // gone in 5.x
      SettingDraft(s + "Routing", "default_gateway", site.gateway),
      SettingDraft(s + "Routing", "static_routes", "10.20.0.0/16 via \(site.mgmtGateway)"),
      SettingDraft(s + "DNS", "hostname", hostname),
      SettingDraft(s + "DNS", "domain", site.domain),
      SettingDraft(s + "DNS", "servers", site.dnsServers),
      SettingDraft(s + "DNS", "search_domains", site.domain),
      SettingDraft(s + "Web", "https_port", "443"),
      SettingDraft(s + "Web", "session_timeout_minutes", String(site.sessionTimeout)),
      SettingDraft(s + "Web", "login_banner", "Authorised use only: \(site.company)"),
      SettingDraft(s + "Web", "java_console", "disabled"),  // gone in 5.x
      SettingDraft(s + "Cluster", "enabled", "false"),
      SettingDraft(s + "Cluster", "role", "standalone"),
      SettingDraft(s + "Cluster", "heartbeat_interval_seconds", "5"),  // gone in 5.x
      SettingDraft(s + "Cluster", "shared_key", site.secret(16, &rng), sensitive: true),
      SettingDraft(s + "AAA", "authentication_order", "ldap,local"),
      SettingDraft(s + "AAA", "lockout_attempts", "5"),
      SettingDraft(s + "AAA", "radius_server", ""),  // gone in 5.x
      SettingDraft(s + "LDAP", "server", "ldap.\(site.domain)"),
      SettingDraft(s + "LDAP", "port", "636"),
      SettingDraft(s + "LDAP", "use_tls", "true"),
      SettingDraft(s + "LDAP", "base_dn", site.baseDN),
      SettingDraft(s + "LDAP", "bind_dn", "cn=tr-bind,ou=Service Accounts,\(site.baseDN)"),
      SettingDraft(s + "LDAP", "bind_password", site.secret(20, &rng), sensitive: true),
      SettingDraft(s + "LDAP", "user_filter", "(&(objectClass=person)(sAMAccountName=%s))"),
      SettingDraft(s + "LDAP", "group_attribute", "memberOf"),
      SettingDraft(s + "SNMP", "enabled", "true"),
      SettingDraft(s + "SNMP", "version", "v2c"),
      SettingDraft(s + "SNMP", "community", site.secret(12, &rng), sensitive: true),
      SettingDraft(s + "SNMP", "trap_host", site.monitoringHost),
      SettingDraft(s + "Logging", "level", "info"),
      SettingDraft(s + "Logging", "syslog_server", site.monitoringHost),
      SettingDraft(s + "Logging", "syslog_port", "514"),
      SettingDraft(s + "Logging", "retention_days", "90"),
      SettingDraft(s + "Logging", "log_to_serial", "false"),  // gone in 5.x
      SettingDraft(s + "Date and Time", "time_zone", site.timeZone),
      SettingDraft(s + "Date and Time", "date_format", "dd/MM/yyyy"),
      SettingDraft(s + "NTP", "enabled", "true"),
      SettingDraft(s + "NTP", "servers", site.ntpServers),
      SettingDraft(s + "Certificates", "web_certificate", "CN=\(hostname), O=\(site.company)"),
      SettingDraft(s + "Certificates", "web_certificate_expiry", site.certificateExpiry),
      SettingDraft(s + "Certificates", "ca_bundle", "\(site.company) Root CA G2"),
    ]
  }

  /// A full 5.x settings tree, as an appliance in service would have.
  static func sampleCurrent(hostname: String, rng: inout SeededGenerator) -> [SettingDraft] {
    let site = Site(rng: &rng, hostname: hostname)
    let net = "Configurations/Networking/"
    let sec = "Configurations/Security/"
    return [
      SettingDraft(net + "Interfaces", "eth0.address", site.address),
      SettingDraft(net + "Interfaces", "eth0.netmask", "255.255.255.0"),
      SettingDraft(net + "Interfaces", "eth0.mtu", "1500"),
      SettingDraft(net + "Interfaces", "eth1.address", site.mgmtAddress),
      SettingDraft(net + "Interfaces", "eth1.netmask", "255.255.255.0"),
      SettingDraft(net + "Routing", "default_gateway", site.gateway),
      SettingDraft(net + "Routing", "static_routes", "10.20.0.0/16 via \(site.mgmtGateway)"),
      SettingDraft(net + "DNS", "hostname", hostname),
      SettingDraft(net + "DNS", "domain", site.domain),
      SettingDraft(net + "DNS", "servers", site.dnsServers),
      SettingDraft(net + "DNS", "search_domains", site.domain),
      SettingDraft(sec + "Authentication", "order", "ldap,local"),
      SettingDraft(sec + "Authentication", "lockout_attempts", "5"),
      SettingDraft(sec + "Authentication", "https_port", "443"),
      SettingDraft(sec + "Authentication", "session_timeout_minutes", String(site.sessionTimeout)),
      SettingDraft(sec + "Authentication", "login_banner", "Authorised use only: \(site.company)"),
      SettingDraft("Maintenance/High Availability", "enabled", "false"),
      SettingDraft("Maintenance/High Availability", "role", "standalone"),
      SettingDraft(
        "Maintenance/High Availability", "shared_key", site.secret(16, &rng), sensitive: true),
      SettingDraft(sec + "LDAP", "server", "ldap.\(site.domain)"),
      SettingDraft(sec + "LDAP", "port", "636"),
      SettingDraft(sec + "LDAP", "use_tls", "true"),
      SettingDraft(sec + "LDAP", "base_dn", site.baseDN),
      SettingDraft(sec + "LDAP", "bind_dn", "cn=tr-bind,ou=Service Accounts,\(site.baseDN)"),
      SettingDraft(sec + "LDAP", "bind_password", site.secret(20, &rng), sensitive: true),
      SettingDraft(sec + "LDAP", "user_filter", "(&(objectClass=person)(sAMAccountName=%s))"),
      SettingDraft("Monitoring/SNMP", "enabled", "true"),
      SettingDraft("Monitoring/SNMP", "version", "v2c"),
      SettingDraft("Monitoring/SNMP", "community", site.secret(12, &rng), sensitive: true),
      SettingDraft("Monitoring/SNMP", "trap_host", site.monitoringHost),
      SettingDraft("Monitoring/Logging", "level", "info"),
      SettingDraft("Monitoring/Logging", "syslog_server", site.monitoringHost),
      SettingDraft("Monitoring/Logging", "syslog_port", "514"),
      SettingDraft("Monitoring/Logging", "retention_days", "90"),
      SettingDraft("Configurations/System/Date Time", "time_zone", site.timeZone),
      SettingDraft("Configurations/System/Date Time", "ntp_enabled", "true"),
      SettingDraft("Configurations/System/Date Time", "ntp_servers", site.ntpServers),
      SettingDraft(sec + "Certificates", "web_certificate", "CN=\(hostname), O=\(site.company)"),
      SettingDraft(sec + "Certificates", "web_certificate_expiry", site.certificateExpiry),
      SettingDraft(sec + "Certificates", "ca_bundle", "\(site.company) Root CA G2"),
    ]
  }
}
