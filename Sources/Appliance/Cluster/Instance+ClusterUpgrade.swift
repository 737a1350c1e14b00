import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The cluster side of the upgrade: the seed's three cluster steps, the data check after
/// `cluster setup`, and no restore into a standby.
extension Instance {
  /// Refuses `what` on a cluster node that is not the primary now: its data comes from the
  /// primary (a restore there replicates here).
  func refuseOnClusterStandby(_ what: String) throws {
    guard
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("cluster.json").path),
      let control = try? engine().clusterControl
    else { return }
    let role = control.localRole(directory)
    guard role == "primary" else {
      throw ApplianceError.refused(
        "this instance is a cluster \(role ?? "node whose database is down"): it cannot \(what);"
          + " its data is the primary's, replicated. Do it on the primary (see `cluster status`)")
    }
  }

  /// Whether this appliance is (or, on a 4.x appliance, was set up as) a cluster node:
  /// `Setup/Cluster` or `Maintenance/High Availability` enabled, or a recorded membership.
  public func isClustered() throws -> Bool {
    if try clusterMembership() != nil { return true }
    let store = try store()
    let rows =
      try store.settings(under: "Setup/Cluster")
      + store.settings(under: "Maintenance/High Availability") + store.legacySettings()
    return rows.contains {
      ($0.section == "Setup/Cluster" || $0.section == "Maintenance/High Availability")
        && $0.key == "enabled" && $0.value == "true"
    }
  }

  /// The seed's cluster steps, shown after the upgrade plan of a clustered appliance.
  public static let clusterUpgradeSteps = [
    "Upgrade the primary with the whole procedure above, into a new 5.x PostgreSQL instance"
      + " (`instance create NEW --engine postgresql`); only the primary is backed up and restored.",
    "Install the new secondary as an independent, empty 5.x instance on the same version"
      + " (`instance create NEW2 --engine postgresql`); set its cluster interface's address and"
      + " netmask under Configurations → Networking → Interfaces. Never restore into it.",
    "Bind the two: on the new primary `cluster setup --role primary --cluster-id N"
      + " --management-ip A.B.C.D/LEN --interface IF`, then on the secondary the same with"
      + " `--role secondary --peer NEW`; check `cluster status` (synchronous) and `cluster verify`"
      + " (table digests equal on both nodes).",
  ]

  /// Compares every table's row count and digest with the peer's (retrying briefly while the
  /// standby replays the last commits).
  public func verifyClusterData() throws -> ClusterDataCheck {
    let membership = try requireMembership()
    guard let peerPath = membership.peer else {
      throw ApplianceError.failed(
        "the other node's instance directory is not known here: run `cluster verify` on the"
          + " secondary, or on a machine that holds both nodes")
    }
    let peer = Instance(directory: URL(fileURLWithPath: peerPath))
    var different: [String] = []
    var count = 0
    for attempt in 0..<20 {
      let mine = try store().tableDigests()
      let theirs = try peer.store().tableDigests()
      count = Set(mine.keys).union(theirs.keys).count
      different = Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
      if different.isEmpty || attempt == 19 { break }
      closeStore()
      peer.closeStore()
      usleep(250_000)
    }
    return ClusterDataCheck(tables: count, different: different, peer: peerPath)
  }
}
