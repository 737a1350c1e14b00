import Foundation

/// Processes of one of our servers, found by the unique `cluster_name` in their titles
/// (`postgres: trsh-node1-PORT: walwriter`): never another server's.
enum ServerProcesses {
  static func titled(_ clusterName: String) -> [Int32] {
    let needle = "postgres: \(clusterName):"
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry in
      guard let pid = Int32(entry),
        let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
        String(decoding: data, as: UTF8.self).hasPrefix(needle)
      else { return nil }
      return pid
    }
  }
}
