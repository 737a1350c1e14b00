import Appliance
import ArgumentParser
import Foundation

/// `backup ...`: create, list, inspect, verify, upload and delete backup archives.
public struct BackupCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "Create, list, show, verify, upload and delete backups.",
    subcommands: [
      BackupCreateCommand.self, BackupListCommand.self, BackupShowCommand.self,
      BackupVerifyCommand.self, BackupUploadCommand.self, BackupDeleteCommand.self,
    ])

  public init() {}

  /// Registers the completion of backup file names (made or uploaded here).
  static let registerProvider: Void = {
    ValueProviders.shared.register("backup-files") { where_ in
      guard let instance = try? Instance.open(at: where_.instancePath, createIfMissing: false)
      else { return [] }
      return instance.backupFiles().map(\.name)
    }
  }()
}

/// Formats a byte count for people: `812 B`, `3.4 MB`.
func byteText(_ bytes: Int64) -> String {
  let units = ["B", "KB", "MB", "GB", "TB"]
  var value = Double(bytes)
  var unit = 0
  while value >= 1000 && unit < units.count - 1 {
    value /= 1000
    unit += 1
  }
  return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
}

/// Record counts as `incidents 50, alerts 120, ...` (the tables people look for first).
func countsText(_ counts: [String: Int]) -> String {
  let first = ["incidents", "alerts", "quarantine_results", "alert_sources", "licenses", "users"]
  let rest = counts.keys.filter { !first.contains($0) }.sorted()
  return (first.filter { counts[$0] != nil } + rest).map { "\($0) \(counts[$0]!)" }
    .joined(separator: ", ")
}

/// The header fields `backup show`, `backup verify` and `backup upload` print.
func headerFields(_ h: BackupHeader) -> [(String, String)] {
  [
    ("version", "\(h.applianceVersion) (schema \(h.schemaVersion))"), ("host", h.hostname),
    ("instance", h.instanceID), ("created", h.createdAt), ("records", countsText(h.recordCounts)),
    ("incidents", h.includesIncidents ? "included" : "not included"),
    ("secret", h.secretFingerprint),
    ("sources live", h.sourcesLive ? "YES (backup forced with alert sources enabled)" : "no"),
  ]
}
