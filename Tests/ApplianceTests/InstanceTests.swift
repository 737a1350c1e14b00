import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite(.engines) struct InstanceTests {
  @Test func locatorPrefersExplicitThenEnvironmentThenXDG() {
    let env = ["HOME": "/home/ops", "TRSH_INSTANCE": "/srv/trsh", "XDG_DATA_HOME": "/data"]
    #expect(InstanceLocator.resolve(explicit: "/x/y", environment: env).path == "/x/y")
    #expect(InstanceLocator.resolve(explicit: nil, environment: env).path == "/srv/trsh")
    var noInstance = env
    noInstance["TRSH_INSTANCE"] = nil
    #expect(
      InstanceLocator.resolve(explicit: nil, environment: noInstance).path == "/data/trsh/default")
    noInstance["XDG_DATA_HOME"] = nil
    #expect(
      InstanceLocator.resolve(explicit: nil, environment: noInstance).path
        == "/home/ops/.local/share/trsh/default")
    noInstance["XDG_DATA_HOME"] = "relative/ignored"
    #expect(
      InstanceLocator.resolve(explicit: nil, environment: noInstance).path
        == "/home/ops/.local/share/trsh/default")
    #expect(InstanceLocator.resolve(explicit: "~/inst", environment: env).path == "/home/ops/inst")
  }

  @Test func firstUseCreatesAFreshCurrentInstance() throws {
    try TemporaryDirectory.with { dir in
      let target = dir.appendingPathComponent("a/b/default")
      #expect(throws: ApplianceError.self) { try Instance.open(at: target, createIfMissing: false) }
      let instance = try Instance.open(at: target, createIfMissing: true)
      let fm = FileManager.default
      for name in ["appliance.sqlite", "secret.key", "backups", "uploads"] {
        #expect(fm.fileExists(atPath: target.appendingPathComponent(name).path), "\(name)")
      }
      let mode = try fm.attributesOfItem(atPath: instance.secretURL.path)[.posixPermissions]
      #expect((mode as? NSNumber)?.intValue == 0o600)
      let status = try instance.status()
      #expect(status.applianceVersion == "5.1.0")
      #expect(status.hostname == SystemIdentity.hostName())
      #expect(status.incidents == 0 && status.alerts == 0 && status.alertSourcesTotal == 0)
      #expect(status.licenses == ["Available": 0, "Installed": 0, "Invalid": 0])
      #expect(status.workflowState == "fresh")
      #expect(status.secretFingerprint == (try instance.secret().fingerprint))
      let store = try instance.store()
      #expect(try store.users().map(\.username) == ["admin"])
      let gateway = try store.settings(under: SettingsTree.currentDefaultGateway.0)
      #expect(gateway.contains { $0.key == SettingsTree.currentDefaultGateway.1 })

      // Reopening finds it and does not recreate it (same secret, same id).
      let again = try Instance.open(at: target, createIfMissing: true)
      #expect(try again.secret().fingerprint == status.secretFingerprint)
      #expect(try again.info().instanceId == (try store.meta().instanceId))
    }
  }

  @Test func createRefusesANonEmptyDirectory() throws {
    try TemporaryDirectory.with { dir in
      try Data("x".utf8).write(to: dir.appendingPathComponent("file"))
      #expect(throws: ApplianceError.self) {
        try Instance.create(at: dir, version: .current, hostname: "h")
      }
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("file").path))
    }
  }

  @Test func cachedStatusFollowsOwnAndOtherProcessesWrites() throws {
    try TemporaryDirectory.with { dir in
      let url = dir.appendingPathComponent("i")
      let instance = try Instance.create(
        at: url, version: .current, sampleData: 5, seed: 3, hostname: "h")
      let first = try instance.status()
      #expect(try instance.status() == first)
      // This connection's own write.
      _ = try instance.setAlertSources(enabled: false, names: nil)
      #expect(try instance.status().alertSourcesEnabled == 0)
      // Another connection (as another trsh process would) commits: the cache must notice.
      let other = try Instance.open(at: url, createIfMissing: false)
      _ = try other.setAlertSources(enabled: true, names: ["smart search"])
      try other.store().setHostname("renamed")
      let after = try instance.status()
      #expect(after.alertSourcesEnabled == 1)
      #expect(after.hostname == "renamed")
      #expect(try instance.versionInfo().applianceVersion == first.applianceVersion)
    }
  }

  @Test func alertSourcesEnableDisable() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("i"), version: .legacy, sampleData: 5, seed: 9, hostname: "h"
      )
      let names = instance.alertSourceNames()
      #expect(names.count >= 5)
      let off = try instance.setAlertSources(enabled: false, names: nil)
      #expect(off.count == names.count && off.allSatisfy(\.changed))
      #expect(try instance.status().alertSourcesEnabled == 0)
      let again = try instance.setAlertSources(enabled: false, names: nil)
      #expect(again.allSatisfy { !$0.changed })
      let one = try instance.setAlertSources(enabled: true, names: ["smart search"])
      #expect(one == [AlertSourceChange(name: "Smart Search", wasEnabled: false, enabled: true)])
      #expect(try instance.alertSourceInfo(named: "Smart Search").enabled)
      let error = #expect(throws: ApplianceError.self) {
        try instance.setAlertSources(enabled: true, names: ["Smart Search", "nope"])
      }
      #expect(error?.kind == .usage)
      #expect(error?.message.contains("TAP - Corporate") == true)
      // A failing name changes nothing, even for the valid names before it.
      #expect(try instance.status().alertSourcesEnabled == 1)
      #expect(throws: ApplianceError.self) { try instance.alertSourceInfo(named: "nope") }
      let info = try instance.alertSourceInfos()
      #expect(info.count == names.count)
      let json = String(decoding: try JSONEncoder().encode(info), as: UTF8.self)
      #expect(!json.contains("secret") && !json.contains("principal"))
    }
  }

  @Test func credentialsUnreadableUnderAnotherSecret() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("i"), version: .current, sampleData: 3, seed: 2,
        hostname: "h")
      #expect(try instance.alertSourceInfos().allSatisfy(\.credentialsReadable))
      try instance.installSecret(MasterSecret.generate())
      let infos = try instance.alertSourceInfos()
      #expect(infos.allSatisfy { $0.credentialsSet && !$0.credentialsReadable })
    }
  }

  @Test func servicesAndInfo() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(
        at: dir.appendingPathComponent("i"), version: .current, sampleData: 4, seed: 2,
        hostname: "h")
      #expect(try instance.services().allSatisfy { $0.state == .running })
      let now = Date()
      try instance.restartServices(seconds: 30, now: now)
      let during = try instance.services(now: now.addingTimeInterval(10))
      #expect(during.contains { $0.state == .restarting })
      #expect(during.first { $0.name == "database" }?.state == .running)
      #expect(
        try instance.services(now: now.addingTimeInterval(31)).allSatisfy { $0.state == .running })
      let info = try instance.info()
      #expect(info.tables["incidents"] == 4)
      #expect(info.generation == .current)
      #expect(info.databaseBytes > 0)
      #expect(
        try instance.versionInfo()
          == VersionInfo(applianceVersion: "5.1.0", schemaVersion: 5, generation: .current))
    }
  }

  @Test func isoTimeRoundTrips() {
    for seconds: Int64 in [0, 951_782_400, 1_709_251_199, 4_102_444_800] {
      let text = ISOTime.string(epochSeconds: seconds)
      #expect(ISOTime.parse(text)?.timeIntervalSince1970 == TimeInterval(seconds))
    }
    #expect(ISOTime.string(epochSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
  }
}
