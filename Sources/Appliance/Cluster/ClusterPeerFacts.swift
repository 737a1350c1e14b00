/// What `cluster setup` learns about the other node before changing anything.
public struct ClusterPeerFacts: Sendable {
  public var applianceVersion: String
  public var hostname: String
  /// Whether the peer's database currently runs as a replication primary.
  public var isPrimary: Bool
  /// Whether the peer's engine already manages a cluster (its `cluster setup` ran).
  public var isClusterPrimary: Bool

  public init(applianceVersion: String, hostname: String, isPrimary: Bool, isClusterPrimary: Bool) {
    self.applianceVersion = applianceVersion
    self.hostname = hostname
    self.isPrimary = isPrimary
    self.isClusterPrimary = isClusterPrimary
  }
}
