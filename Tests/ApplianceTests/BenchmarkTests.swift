import Foundation
import TestSupport
import Testing

@testable import Appliance
@testable import ApplianceSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `instance create --sample-data N` timing; runs only with TRSH_BENCH_INCIDENTS=N set (use -c release).
@Suite(.engines) struct BenchmarkTests {
  static let incidents = Int(ProcessInfo.processInfo.environment["TRSH_BENCH_INCIDENTS"] ?? "")

  @Test(.enabled(if: incidents != nil))
  func createLargeSampleInstance() throws {
    let n = try #require(Self.incidents)
    try TemporaryDirectory.with { dir in
      let start = Date()
      let instance = try Instance.create(
        at: dir.appendingPathComponent("bench"), version: .legacy, sampleData: n, seed: 1,
        hostname: "tr-bench")
      let seconds = Date().timeIntervalSince(start)
      let info = try instance.info()
      var usage = rusage()
      #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
      #else
        getrusage(RUSAGE_SELF, &usage)
      #endif
      print(
        "benchmark: \(n) incidents, \(info.tables["alerts"] ?? 0) alerts, "
          + "\(info.tables["quarantine_results"] ?? 0) quarantine results in "
          + String(format: "%.2f s", seconds) + ", database \(info.databaseBytes / 1_048_576) MiB, "
          + "peak RSS \(usage.ru_maxrss / 1024) MiB")
      let digestStart = Date()
      _ = try instance.store().tableDigests()
      print(
        "benchmark: table digests in "
          + String(format: "%.2f s", Date().timeIntervalSince(digestStart)))
      let migrateStart = Date()
      instance.closeStore()
      try SQLiteStore.migrateToCurrent(at: instance.databaseURL)
      print(
        "benchmark: 4.x -> 5.x migration in "
          + String(format: "%.2f s", Date().timeIntervalSince(migrateStart)))
    }
  }
}
