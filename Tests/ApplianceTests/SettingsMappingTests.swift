import Foundation
import TestSupport
import Testing

@testable import Appliance

/// The mapping table's own invariants, and the value rules behind `settings set`.
@Suite(.engines) struct SettingsMappingTests {
  @Test func everyOldSectionHasOneRowAndEveryNewSectionExists() {
    #expect(SettingsMapping.sections.map(\.old) == SettingsTree.legacySections)
    for section in SettingsMapping.sections {
      #expect(SettingsTree.currentSections.contains(section.new), "\(section.new)")
    }
    #expect(SettingsMapping.section(old: "Setup/NTP")?.new == "Configurations/System/Date Time")
    #expect(
      SettingsMapping.section(old: "Setup/Date and Time")?.new == "Configurations/System/Date Time")
    #expect(
      SettingsMapping.section(old: "Setup/Web")?.new == "Configurations/Security/Authentication")
    #expect(
      SettingsMapping.section(old: "Setup/AAA")?.new == "Configurations/Security/Authentication")
    #expect(SettingsMapping.section(old: "ntp")?.old == "Setup/NTP")
  }

  @Test func noTwoOldFieldsLandOnTheSameNewField() {
    var seen: [String: String] = [:]
    for section in SettingsMapping.sections {
      for field in section.fields {
        let key: String
        switch field.destination {
        case .field(let k), .leftAlone(let k, _): key = k
        case .omitted: continue
        }
        let target = "\(section.new)/\(key)"
        #expect(seen[target] == nil, "\(target): \(seen[target] ?? "") and \(section.old)")
        seen[target] = "\(section.old)/\(field.oldKey)"
        // Every destination is a 5.x field trsh knows (and can validate).
        let sample = key.replacingOccurrences(of: "*", with: "0")
        #expect(
          SettingsMapping.currentSpec(for: SettingPath(section.new, sample)) != nil, "\(target)")
      }
    }
  }

  @Test func theDefaultGatewayIsLeftAloneInTheTable() throws {
    let routing = try #require(SettingsMapping.section(old: "Setup/Routing"))
    let gateway = try #require(routing.field(for: "default_gateway"))
    guard case .leftAlone = gateway.field.destination else {
      Issue.record("default gateway is not left alone")
      return
    }
    #expect(SettingPath(routing.new, gateway.newKey ?? "") == .defaultGateway)
  }

  static let ruleCases: [(SettingRule, String, Bool)] = [
    (.ipAddress, "10.0.0.1", true), (.ipAddress, "2001:db8::1", true),
    (.ipAddress, "::ffff:10.0.0.1", true), (.ipAddress, "fe80::1:2:3:4:5:6", true),
    (.ipAddress, "256.1.1.1", false), (.ipAddress, "10.0.0", false),
    (.ipAddress, "2001:db8:::1", false),
    (.ipAddress, "1:2:3:4:5:6:7:8:9", false), (.ipAddress, "host.example", false),
    (.netmask, "255.255.255.0", true), (.netmask, "24", true), (.netmask, "255.0.255.0", false),
    (.port, "1", true), (.port, "65535", true), (.port, "0", false), (.port, "65536", false),
    (.port, "http", false), (.hostName, "ldap.contoso.example", true), (.hostName, "a-b", true),
    (.hostName, "-bad.example", false), (.hostName, "under_score.example", false),
    (.hostName, "", false), (.host, "10.1.1.1", true), (.host, "siem.example", true),
    (.host, "bad host", false), (.host, "10.0.0.300", false),
    (.list(.ipAddress), "10.0.0.53, 10.0.1.53", true),
    (.list(.ipAddress), "10.0.0.53,,10.0.1.53", false), (.list(.ipAddress), "", false),
    (.route, "10.20.0.0/16 via 172.16.1.1", true), (.route, "10.20.0.0/33 via 172.16.1.1", false),
    (.route, "2001:db8::/32 via 2001:db8::1", true), (.route, "10.20.0.0/16", false),
    (.oneOf(SettingsMapping.logLevels), "warning", true),
    (.oneOf(SettingsMapping.logLevels), "verbose", false),
    (.list(.oneOf(SettingsMapping.authMethods)), "ldap,local", true),
    (.list(.oneOf(SettingsMapping.authMethods)), "ldap,radius", false), (.boolean, "true", true),
    (.boolean, "yes", false), (.integer(1...10), "10", true), (.integer(1...10), "11", false),
    (.timeZone, "Europe/London", true), (.timeZone, "UTC", true), (.timeZone, "London", false),
  ]

  @Test(arguments: ruleCases)
  func valueRules(rule: SettingRule, value: String, valid: Bool) {
    #expect((rule.problem(with: value) == nil) == valid, "\(rule.summary): '\(value)'")
  }
}
