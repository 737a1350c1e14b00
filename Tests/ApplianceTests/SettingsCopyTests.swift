import Foundation
import TestSupport
import Testing

@testable import Appliance
@testable import ApplianceSQLite

/// Settings copy from a sample 4.6 instance into a fresh 5.x one, row by row of the mapping table.
@Suite(.engines) struct SettingsCopyTests {
  static let copied: [SettingsDiffEntry.Change] = [.added, .changed, .unchanged]

  /// A sample legacy instance and a fresh 5.x instance in one temporary directory.
  struct Pair {
    let dir: TemporaryDirectory
    let old: Instance
    let new: Instance

    init(sampleData: Int = 5) throws {
      dir = TemporaryDirectory("trsh-settings")
      old = try Instance.create(
        at: dir.url.appendingPathComponent("old"), version: .legacy, sampleData: sampleData,
        seed: 1, hostname: "oldbox")
      new = try Instance.create(
        at: dir.url.appendingPathComponent("new"), version: .current, seed: 2, hostname: "newbox")
    }

    /// The old instance's settings with secrets opened, by path.
    func oldValues() throws -> [SettingPath: String] {
      let secret = try old.secret()
      var values: [SettingPath: String] = [:]
      for row in try old.store().settings(under: nil) {
        values[SettingPath(row.section, row.key)] =
          row.sealedValue.map { secret.decrypt($0).text ?? "?" } ?? row.value
      }
      return values
    }

    func legacy() throws -> LegacySettings { try LegacySettings.load(fromInstance: old.directory) }
  }

  @Test func everyRowOfTheTableIsCopiedToItsNewPlace() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let oldValues = try pair.oldValues()
    let before = try pair.new.currentSettingValues()
    let plan = try pair.new.planSettingsCopy(from: pair.legacy())
    try pair.new.applySettingsCopy(plan)
    let after = try pair.new.currentSettingValues()

    var exercised = Set<String>()
    for section in SettingsMapping.sections {
      for field in section.fields {
        let matches = oldValues.keys.filter {
          $0.section == section.old && SettingsMapping.match(field.oldKey, $0.key) != nil
        }
        #expect(!matches.isEmpty, "sample has no \(section.old)/\(field.oldKey)")
        for oldPath in matches {
          exercised.insert("\(section.old)/\(field.oldKey)")
          let star = SettingsMapping.match(field.oldKey, oldPath.key)!
          let entry = plan.entries.first { $0.oldPath == oldPath.description }
          switch field.destination {
          case .field(let key):
            let newPath = SettingPath(section.new, key.replacingOccurrences(of: "*", with: star))
            #expect(after[newPath] == oldValues[oldPath], "\(oldPath) -> \(newPath)")
            #expect(entry?.newPath == newPath.description)
            #expect(entry.map { Self.copied.contains($0.change) } == true)
          case .leftAlone(let key, _):
            let newPath = SettingPath(section.new, key)
            #expect(after[newPath] == before[newPath])
            #expect(entry?.change == .leftAlone)
          case .omitted(let reason):
            #expect(entry?.change == .omitted)
            #expect(entry?.reason == reason)
            #expect(entry?.newPath == nil)
          }
        }
      }
    }
    #expect(exercised.count == SettingsMapping.sections.map(\.fields.count).reduce(0, +))
    // Every old field appears in the diff exactly once.
    #expect(plan.entries.count == oldValues.count)
    #expect(Set(plan.entries.map(\.oldPath)).count == oldValues.count)

    // Spot checks with literal paths and values.
    let auth = "Configurations/Security/Authentication"
    #expect(after[SettingPath(auth, "order")] == "ldap,local")
    #expect(after[SettingPath(auth, "https_port")] == "443")
    #expect(after[SettingPath(auth, "lockout_attempts")] == "5")
    #expect(after[SettingPath("Configurations/Networking/DNS", "hostname")] == "oldbox")
    #expect(after[SettingPath("Maintenance/High Availability", "role")] == "standalone")
    #expect(after[SettingPath("Monitoring/Logging", "syslog_port")] == "514")
    // Fields of a fresh 5.x appliance that the old one did not have are kept.
    #expect(after[SettingPath("Configurations/Networking/Interfaces", "eth0.mode")] == "dhcp")
  }

  @Test func omittedFieldsAreEachListedWithTheirReason() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let plan = try pair.new.planSettingsCopy(from: pair.legacy())
    let omitted = plan.entries(.omitted).map(\.oldPath).sorted()
    #expect(
      omitted == [
        "Setup/AAA/radius_server", "Setup/Cluster/heartbeat_interval_seconds",
        "Setup/Date and Time/date_format", "Setup/Interfaces/eth1.duplex",
        "Setup/LDAP/group_attribute", "Setup/Logging/log_to_serial", "Setup/Web/java_console",
      ])
    #expect(plan.entries(.omitted).allSatisfy { !($0.reason ?? "").isEmpty })
  }

  @Test func defaultGatewayIsNeverWrittenEvenWhenTheOldValueDiffers() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let gateway = SettingPath.defaultGateway
    let oldGateway = try pair.oldValues()[SettingPath("Setup/Routing", "default_gateway")]
    let before = try pair.new.currentSettingValues()[gateway]
    #expect(before != nil)
    #expect(oldGateway != before)
    let plan = try pair.new.planSettingsCopy(from: pair.legacy())
    #expect(!plan.writes.contains { SettingPath($0.section, $0.key) == gateway })
    let entry = try #require(plan.entries(.leftAlone).first)
    #expect(entry.newPath == gateway.description)
    #expect(entry.current == before)
    #expect(entry.proposed == oldGateway)
    try pair.new.applySettingsCopy(plan)
    #expect(try pair.new.currentSettingValues()[gateway] == before)

    // A plan carrying the gateway (built by hand) is refused whole.
    var forged = plan
    forged.writes.append(SettingDraft(gateway.section, gateway.key, "10.9.9.9"))
    let digests = try pair.new.store().tableDigests()
    #expect(throws: ApplianceError.self) { try pair.new.applySettingsCopy(forged) }
    #expect(try pair.new.store().tableDigests() == digests)
  }

  @Test func ntpAndDateAndTimeMergeInDateTime() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let old = try pair.oldValues()
    let dateTime = "Configurations/System/Date Time"
    // One section at a time, in either order: neither overwrites the other.
    for sections in [["Setup/NTP"], ["Date and Time"]] {
      try pair.new.applySettingsCopy(pair.new.planSettingsCopy(from: pair.legacy(), only: sections))
    }
    let after = try pair.new.currentSettingValues()
    #expect(
      after[SettingPath(dateTime, "time_zone")]
        == old[SettingPath("Setup/Date and Time", "time_zone")])
    #expect(after[SettingPath(dateTime, "ntp_servers")] == old[SettingPath("Setup/NTP", "servers")])
    #expect(after[SettingPath(dateTime, "ntp_enabled")] == "true")
    #expect(try pair.new.store().settings(under: dateTime).count == 3)
  }

  @Test func ldapAuthenticationBringsBothOrderAndServer() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let plan = try pair.new.planSettingsCopy(from: pair.legacy(), only: ["Setup/AAA"])
    #expect(plan.sections == ["Setup/AAA", "Setup/LDAP"])
    #expect(plan.notes.count == 1)
    try pair.new.applySettingsCopy(plan)
    let after = try pair.new.currentSettingValues()
    #expect(after[SettingPath("Configurations/Security/Authentication", "order")] == "ldap,local")
    #expect(
      after[SettingPath("Configurations/Security/LDAP", "server")]?.hasPrefix("ldap.") == true)

    // Only the LDAP section asked for: the order comes too.
    let ldapOnly = try pair.new.planSettingsCopy(from: pair.legacy(), only: ["LDAP"])
    #expect(ldapOnly.sections == ["Setup/AAA", "Setup/LDAP"])
  }

  @Test func ldapAuthenticationWithoutTheLDAPSectionFailsClearly() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    var legacy = try pair.legacy()
    legacy.sections["Setup/LDAP"] = nil
    let digests = try pair.new.store().tableDigests()
    let error = try #require(throws: ApplianceError.self) {
      try pair.new.planSettingsCopy(from: legacy)
    }
    #expect(error.kind == .failed)
    #expect(error.message.contains("authenticated against LDAP"))
    #expect(error.message.contains("no Setup/LDAP section"))
    #expect(try pair.new.store().tableDigests() == digests)

    // Local authentication needs no LDAP section.
    legacy.sections["Setup/AAA"]?["authentication_order"] = .plain("local")
    let plan = try pair.new.planSettingsCopy(from: legacy)
    #expect(!plan.sections.contains("Setup/LDAP"))
  }

  @Test func bindPasswordIsReEncryptedUnderThisInstancesSecret() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let password = try #require(try pair.oldValues()[SettingPath("Setup/LDAP", "bind_password")])
    try pair.new.applySettingsCopy(pair.new.planSettingsCopy(from: pair.legacy()))
    let row = try #require(
      try pair.new.store().settings(under: "Configurations/Security/LDAP").first {
        $0.key == "bind_password"
      })
    let sealed = try #require(row.sealedValue)
    #expect(row.value == nil)
    #expect(try pair.new.secret().decrypt(sealed) == .plain(password))
    #expect(try pair.old.secret().decrypt(sealed) == .unreadable)
    #expect(try pair.new.secret().fingerprint != pair.old.secret().fingerprint)
  }

  @Test func unreadableBindPasswordIsReportedForReentryNotCopied() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    // The source's secret.key no longer matches what sealed its values.
    try pair.old.installSecret(MasterSecret.generate())
    let plan = try pair.new.planSettingsCopy(from: pair.legacy())
    let reentry = plan.entries(.mustReenter).map(\.newPath)
    #expect(reentry.contains("Configurations/Security/LDAP/bind_password"))
    #expect(plan.entries(.mustReenter).allSatisfy { $0.reason?.contains("settings set") == true })
    #expect(!plan.writes.contains { $0.key == "bind_password" })
    try pair.new.applySettingsCopy(plan)
    #expect(
      try pair.new.store().settings(under: "Configurations/Security/LDAP").allSatisfy {
        $0.key != "bind_password"
      })
  }

  @Test func dryRunPlanChangesNothing() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let digests = try pair.new.store().tableDigests()
    let plan = try pair.new.planSettingsCopy(from: pair.legacy())
    #expect(plan.hasChanges)
    #expect(try pair.new.store().tableDigests() == digests)
    // Copying twice: the second plan has nothing left to write.
    try pair.new.applySettingsCopy(plan)
    let again = try pair.new.planSettingsCopy(from: pair.legacy())
    #expect(!again.hasChanges)
    #expect(again.entries(.added).isEmpty && again.entries(.changed).isEmpty)
  }

  @Test func anInvalidValueInOneSectionChangesNothing() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    var legacy = try pair.legacy()
    legacy.sections["Setup/Logging"]?["syslog_port"] = .plain("70000")
    legacy.sections["Setup/DNS"]?["servers"] = .plain("10.0.0.1,not-an-ip")
    let digests = try pair.new.store().tableDigests()
    let error = try #require(throws: ApplianceError.self) {
      try pair.new.applySettingsCopy(pair.new.planSettingsCopy(from: legacy))
    }
    #expect(error.kind == .validation)
    #expect(
      error.message.contains(
        "Setup/Logging/syslog_port -> Monitoring/Logging/syslog_port: '70000' is not a port (1-65535)"
      ))
    #expect(error.message.contains("Setup/DNS/servers -> Configurations/Networking/DNS/servers"))
    #expect(try pair.new.store().tableDigests() == digests)
  }

  @Test func aFailureMidTransactionRollsBackEveryWrite() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let store = try pair.new.store()
    let digests = try store.tableDigests()
    var malformed = Setting(section: "Monitoring/SNMP", key: "enabled", value: "true")
    malformed.value = nil  // neither plain nor sealed: the store rejects it mid-way
    #expect(throws: ApplianceError.self) {
      try store.writeSettings(
        [
          Setting(section: "Configurations/Networking/DNS", key: "hostname", value: "changed"),
          Setting(section: "Monitoring/Logging", key: "level", value: "debug"), malformed,
        ], deleting: [])
    }
    #expect(try store.tableDigests() == digests)
  }

  @Test func copyFromTheMigratedLegacySettingsOfThisInstance() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    let expected = try pair.oldValues()
    pair.old.closeStore()
    // As a restore leaves it: the 4.x database migrated in place, its secret alongside.
    #expect(try SQLiteStore.migrateToCurrent(at: pair.old.databaseURL) == .legacy)
    let migrated = try Instance.open(at: pair.old.directory, createIfMissing: false)
    let legacy = try #require(try LegacySettings.load(fromMigrated: migrated))
    let plan = try migrated.planSettingsCopy(from: legacy)
    #expect(plan.entries(.mustReenter).isEmpty)
    try migrated.applySettingsCopy(plan)
    let after = try migrated.currentSettingValues()
    #expect(
      after[SettingPath("Configurations/Security/LDAP", "bind_password")]
        == expected[SettingPath("Setup/LDAP", "bind_password")])
    // The gateway has no value on a migrated instance and the copy does not give it one.
    #expect(after[.defaultGateway] == nil)
    #expect(try LegacySettings.load(fromMigrated: pair.new) == nil)
  }

  @Test func copyRefusesALegacyDestinationAndUnknownSections() throws {
    let pair = try Pair()
    defer { pair.dir.remove() }
    #expect(throws: ApplianceError.self) { try pair.old.planSettingsCopy(from: pair.legacy()) }
    let error = try #require(throws: ApplianceError.self) {
      try pair.new.planSettingsCopy(from: pair.legacy(), only: ["Setup/Nope"])
    }
    #expect(error.kind == .usage)
    #expect(throws: ApplianceError.self) {
      try LegacySettings.load(fromInstance: pair.new.directory)
    }
  }
}
