import Foundation
import TestSupport
import Testing

@testable import Appliance

@Suite(.engines) struct ConcurrencyTests {
  /// Two independent instances (two connections, as two trsh processes have) flip the same source.
  @Test(arguments: TestEngines.all) func concurrentTogglesLoseNoUpdate(engine: String) throws {
    try TemporaryDirectory.with { dir in
      let path = dir.appendingPathComponent("i")
      _ = try Instance.create(
        at: path, version: .current, sampleData: 2, seed: 5, hostname: "h", engine: engine)
      let name = "Smart Search"
      let initial =
        try Instance.open(at: path, createIfMissing: false).store()
        .alertSource(named: name)?.revision ?? -1
      let changed = LockedCounter()
      let failures = LockedCounter()
      DispatchQueue.concurrentPerform(iterations: 2) { worker in
        do {
          let instance = try Instance.open(at: path, createIfMissing: false)
          for i in 0..<200 {
            let enable = (i + worker) % 2 == 0
            let result = try instance.setAlertSources(enabled: enable, names: [name])
            if result.first?.changed == true { changed.add(1) }
          }
        } catch {
          failures.add(1)
        }
      }
      #expect(failures.value == 0)
      let final = try #require(
        try Instance.open(at: path, createIfMissing: false).store().alertSource(named: name))
      #expect(final.revision - initial == changed.value)
      #expect(changed.value > 0)
    }
  }
}
