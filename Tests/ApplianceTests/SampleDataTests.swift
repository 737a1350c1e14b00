import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite(.engines) struct SampleDataTests {
  func digests(_ dir: URL, _ name: String, version: SchemaGeneration, seed: UInt64) throws
    -> [String: TableDigest]
  {
    let instance = try Instance.create(
      at: dir.appendingPathComponent(name), version: version, sampleData: 60, seed: seed,
      hostname: "tr-sample")
    return try instance.store().tableDigests()
  }

  @Test(arguments: SchemaGeneration.allCases)
  func sameSeedSameDigestsOtherSeedOtherDigests(version: SchemaGeneration) throws {
    try TemporaryDirectory.with { dir in
      let a = try digests(dir, "a", version: version, seed: 11)
      let b = try digests(dir, "b", version: version, seed: 11)
      let c = try digests(dir, "c", version: version, seed: 12)
      #expect(a == b)
      for table in [
        "incidents", "alerts", "alert_sources", "licenses", "quarantine_results", "meta",
      ] {
        #expect(a[table] != c[table], "table \(table)")
      }
    }
  }

  @Test func sampleInstanceIsRealistic() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("old"), version: .legacy, sampleData: 200, seed: 1,
        hostname: "tr-old-01")
      let store = try instance.store()
      let counts = try store.tableCounts()
      #expect(counts["incidents"] == 200)
      #expect((800...1200).contains(counts["alerts"] ?? 0))
      #expect((counts["quarantine_results"] ?? 0) > 200)
      #expect((counts["list_members"] ?? 0) > 0)
      #expect((counts["users"] ?? 0) > 1)
      let states = Set(try store.incidents(limit: 200, offset: 0).map(\.state))
      #expect(states == Set(IncidentState.allCases))
      let sources = try instance.alertSourceInfos()
      #expect(Set(sources.map(\.type)) == Set(AlertSourceType.allCases))
      #expect(sources.allSatisfy { $0.enabled && $0.credentialsSet && $0.credentialsReadable })
      let licenses = try store.licenses()
      #expect(licenses.count >= 4 && licenses.allSatisfy { $0.state == .available })
      let sections = Set(try store.settings(under: nil).map(\.section))
      #expect(sections == Set(SettingsTree.legacySections))
      let routing = try store.settings(under: "Setup/Routing")
      #expect(routing.contains { $0.key == "default_gateway" })
      let aaa = try store.settings(under: "Setup/AAA")
      #expect(
        aaa.contains { $0.key == "authentication_order" && $0.value?.contains("ldap") == true })
      let ldap = try store.settings(under: "Setup/LDAP")
      let bind = try #require(ldap.first { $0.key == "bind_password" })
      #expect(bind.isEncrypted)
      #expect(try instance.reveal(try #require(bind.sealedValue)).isReadable)
      #expect(try store.meta().hostname == "tr-old-01")
      #expect(try instance.versionInfo().applianceVersion == "4.6.2")
    }
  }

  @Test func currentSampleHasTheNewLayout() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("new"), version: .current, sampleData: 20, seed: 1,
        hostname: "tr-new-01")
      let store = try instance.store()
      let sections = Set(try store.settings(under: nil).map(\.section))
      #expect(sections == Set(SettingsTree.currentSections))
      #expect(try store.proxy()?.sealedPassword != nil)
      #expect(try instance.versionInfo().applianceVersion == "5.1.0")
    }
  }

  @Test func cancellationRemovesTheHalfCreatedInstance() throws {
    try TemporaryDirectory.with { dir in
      let target = dir.appendingPathComponent("cancelled")
      let flag = CancellationFlag()
      let sink = CancelAfter(flag: flag, after: 2)
      #expect(throws: ApplianceError.cancelled) {
        try Instance.create(
          at: target, version: .legacy, sampleData: 2000, seed: 1, hostname: "h", progress: sink,
          cancel: flag)
      }
      #expect(!FileManager.default.fileExists(atPath: target.path))
    }
  }
}
