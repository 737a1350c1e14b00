import Foundation
import TestSupport
import Testing

@testable import Appliance

/// `settings set` / `unset` validation, the Default Gateway rule, and the export file.
@Suite(.engines) struct SettingsEditTests {
  @Test func badValuesAreRejectedWithPathAndReason() throws {
    try TemporaryDirectory.with { dir in
      let new = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 3)
      let digests = try new.store().tableDigests()
      let cases: [(String, String, String)] = [
        ("Monitoring/Logging/syslog_port", "0", "is not a port (1-65535)"),
        ("Configurations/Networking/DNS/servers", "10.0.0.1,dns.example", "not an IPv4 or IPv6"),
        ("Monitoring/Logging/level", "verbose", "is not one of: debug, info"),
        ("Configurations/Security/Authentication/order", "radius", "is not one of: local, ldap"),
        ("Configurations/Networking/DNS/hostname", "bad_host", "is not a valid host name"),
        ("Configurations/Networking/Interfaces/eth0.address", "10.0.0.300", "not an IPv4"),
        ("Configurations/Networking/DNS/nope", "x", "has no field 'nope'"),
        ("Nowhere/Section/key", "x", "is not a 5.x settings section"),
      ]
      for (path, value, reason) in cases {
        let error = try #require(throws: ApplianceError.self) {
          try new.setSetting(SettingPath(parsing: path), to: value)
        }
        #expect(error.kind == .usage)
        #expect(error.message.hasPrefix(path + ": "), "\(error.message)")
        #expect(error.message.contains(reason), "\(error.message)")
      }
      #expect(try new.store().tableDigests() == digests)
    }
  }

  @Test func setAndUnsetWriteOneFieldAndSealSecrets() throws {
    try TemporaryDirectory.with { dir in
      let new = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 3)
      let edit = try new.setSetting(
        SettingPath(parsing: "Configurations/Networking/DNS/servers"), to: "10.0.0.53,2001:db8::53")
      #expect(edit.before == "192.168.1.1")
      #expect(edit.after == "10.0.0.53,2001:db8::53")
      let password = SettingPath("Configurations/Security/LDAP", "bind_password")
      #expect(try new.isSensitiveSetting(password))
      let sealed = try new.setSetting(password, to: "s3cret!")
      #expect(sealed.after == "(secret)")
      let row = try #require(try new.store().settings(under: password.section).first)
      #expect(row.value == nil)
      #expect(try new.reveal(#require(row.sealedValue)) == .plain("s3cret!"))
      let removed = try new.unsetSetting(password)
      #expect(removed.before == "(secret)")
      #expect(try new.store().settings(under: password.section).isEmpty)
      #expect(throws: ApplianceError.self) { try new.unsetSetting(password) }
    }
  }

  @Test func theDefaultGatewayIsRefusedBySetAndUnset() throws {
    try TemporaryDirectory.with { dir in
      let new = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 3)
      let digests = try new.store().tableDigests()
      for attempt in [
        { _ = try new.setSetting(.defaultGateway, to: "10.0.0.1") },
        { _ = try new.unsetSetting(.defaultGateway) },
      ] {
        let error = try #require(throws: ApplianceError.self) { try attempt() }
        #expect(error.kind == .refused)
        #expect(error.message.contains("Default Gateway"))
      }
      #expect(try new.store().tableDigests() == digests)
    }
  }

  @Test func exportFileRoundTripCarriesNoSecret() throws {
    try TemporaryDirectory.with { dir in
      let old = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: 5, seed: 1,
        hostname: "oldbox")
      let file = dir.appendingPathComponent("settings.json")
      try old.exportSettings(to: file, force: false)
      #expect(throws: ApplianceError.self) { try old.exportSettings(to: file, force: false) }
      try old.exportSettings(to: file, force: true)

      let text = try String(contentsOf: file, encoding: .utf8)
      let secret = try old.secret()
      let rows = try old.store().settings(under: nil)
      for row in rows {
        if let sealed = row.sealedValue {
          let plain = try #require(secret.decrypt(sealed).text)
          #expect(!text.contains(plain), "\(row.section)/\(row.key) leaked into the export")
        }
      }
      #expect(text.contains("\"format\" : \"trsh-settings\""))
      #expect(text.contains("\"must_reenter\" : true"))

      let read = try SettingsExportFile.read(from: file)
      #expect(read.version == 1)
      #expect(read.source.host == "oldbox")
      #expect(read.source.applianceVersion == "4.6.2")
      let legacy = read.legacySettings(origin: "file")
      for row in rows {
        let value = legacy.value(row.section, row.key)
        if row.isEncrypted {
          guard case .mustReenter? = value else {
            Issue.record("\(row.section)/\(row.key) should need re-entry")
            continue
          }
        } else {
          #expect(value == .plain(row.value ?? ""))
        }
      }
      // Two exports at the same time are byte for byte the same (sorted keys).
      let at = Date(timeIntervalSince1970: 1_800_000_000)
      let second = dir.appendingPathComponent("second.json")
      try old.exportSettings(to: file, force: true, now: at)
      try old.exportSettings(to: second, force: false, now: at)
      #expect(try Data(contentsOf: file) == Data(contentsOf: second))

      // Copying from the file and from the instance give the same 5.x settings, secrets aside.
      let viaFile = try Instance.create(
        at: dir.appendingPathComponent("a"), version: .current, seed: 4)
      let viaInstance = try Instance.create(
        at: dir.appendingPathComponent("b"), version: .current, seed: 4)
      let filePlan = try viaFile.planSettingsCopy(from: legacy)
      try viaFile.applySettingsCopy(filePlan)
      try viaInstance.applySettingsCopy(
        viaInstance.planSettingsCopy(from: LegacySettings.load(fromInstance: old.directory)))
      let a = try viaFile.currentSettingValues()
      let b = try viaInstance.currentSettingValues()
      let secretKeys: Set<String> = ["bind_password", "shared_key", "community"]
      #expect(
        a.filter { !secretKeys.contains($0.key.key) }
          == b.filter { !secretKeys.contains($0.key.key) })
      #expect(
        Set(filePlan.entries(.mustReenter).compactMap(\.newPath)) == [
          "Configurations/Security/LDAP/bind_password", "Maintenance/High Availability/shared_key",
          "Monitoring/SNMP/community",
        ])
    }
  }

  @Test func exportRefusesA5xInstanceAndReadRefusesOtherFiles() throws {
    try TemporaryDirectory.with { dir in
      let new = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, seed: 3)
      let file = dir.appendingPathComponent("s.json")
      #expect(throws: ApplianceError.self) { try new.exportSettings(to: file, force: false) }
      try Data(#"{"format": "trsh-settings", "version": 2, "sections": {}}"#.utf8).write(to: file)
      let error = try #require(throws: ApplianceError.self) {
        try SettingsExportFile.read(from: file)
      }
      #expect(error.message.contains("version 2"))
      try Data(#"{"format": "other"}"#.utf8).write(to: file)
      #expect(throws: ApplianceError.self) { try SettingsExportFile.read(from: file) }
    }
  }
}
