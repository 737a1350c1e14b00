import AppliancePostgres
import Foundation

/// The engines store and end-to-end tests run on: one test definition, both engines.
public enum TestEngines {
  /// Every linked engine by name; PostgreSQL instances run their own server in `DIR/pgdata`.
  public static let all = ["sqlite", "postgresql"]

  /// Stops every database server an instance below `folder` runs (two levels deep, where
  /// tests put instances), so a finished test leaves nothing running.
  public static func stopServers(under folder: URL) {
    let fm = FileManager.default
    var candidates = [folder]
    for child in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
      let url = folder.appendingPathComponent(child)
      candidates.append(url)
      for grandchild in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] {
        candidates.append(url.appendingPathComponent(grandchild))
      }
    }
    for directory in candidates
    where fm.fileExists(atPath: directory.appendingPathComponent("pgdata/postmaster.pid").path) {
      try? PostgresEngine().stopService(in: directory, mode: "immediate")
    }
  }
}
