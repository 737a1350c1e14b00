import Foundation

/// High-availability mechanics an engine may provide (PostgreSQL streaming replication managed
/// by repmgr): the domain validates the guide's requirements, the engine acts. Every method
/// takes the node's instance directory; none prints.
public protocol ClusterControl: Sendable {
  /// Whether the engine's cluster files exist in `directory` (the node is set up).
  func isMember(_ directory: URL) -> Bool

  /// Reads the other node's version and role from its running server, without starting it;
  /// an unreachable peer is a connectivity error.
  func peerFacts(_ peer: URL) throws -> ClusterPeerFacts

  /// Refuses what the engine cannot do with `directory` (paths, programs) before any change.
  func checkCanJoin(_ directory: URL) throws

  /// Makes the node the cluster's primary: replication settings, repmgr metadata, repmgrd.
  func formPrimary(in directory: URL, nodeName: String) throws -> ClusterActionReport

  /// Replaces the node's data with a clone of `peer`'s (the primary), registers it as a
  /// synchronous standby and starts its repmgrd.
  func joinAsStandby(in directory: URL, peer: URL, nodeName: String) throws
    -> ClusterActionReport

  func status(in directory: URL, membership: ClusterMembership) throws -> ClusterStatus

  /// Planned role swap with no data loss: the standby becomes primary, the primary standby.
  func switchover(in directory: URL) throws -> ClusterActionReport

  /// Promotes this standby when the primary is gone (refused while the primary answers).
  func failover(in directory: URL) throws -> ClusterActionReport

  /// Brings this node (a former primary) back as the standby of the current primary.
  func rejoin(in directory: URL) throws -> ClusterActionReport

  /// Takes this node out of the cluster; it becomes a standalone instance.
  func leave(in directory: URL) throws -> ClusterActionReport

  /// `primary` or `standby` as this node's server says now; nil when it does not answer.
  func localRole(_ directory: URL) -> String?

  /// Stops the node's repmgrd (before its server is stopped for good).
  func stopDaemon(in directory: URL) throws
}
