/// `cluster status`: the pair as both nodes' servers and repmgr's metadata describe it.
public struct ClusterStatus: Codable, Sendable, Equatable {
  public var clusterId: Int
  public var managementAddress: String
  public var interface: String
  public var localNode: String
  public var nodes: [ClusterNodeStatus]
  /// `synchronous_standby_names` on the primary is set and a standby is `sync`.
  public var synchronous: Bool
  /// Last promotion (automatic failover, manual failover or switchover) recorded by repmgr.
  public var lastFailover: ClusterEvent?

  public init(
    clusterId: Int, managementAddress: String, interface: String, localNode: String,
    nodes: [ClusterNodeStatus], synchronous: Bool, lastFailover: ClusterEvent?
  ) {
    self.clusterId = clusterId
    self.managementAddress = managementAddress
    self.interface = interface
    self.localNode = localNode
    self.nodes = nodes
    self.synchronous = synchronous
    self.lastFailover = lastFailover
  }

  /// The node that is primary now, if one is reachable.
  public var primary: ClusterNodeStatus? { nodes.first { $0.role == "primary" } }
}

/// An event from repmgr's log of the cluster (`repmgr.events`).
public struct ClusterEvent: Codable, Sendable, Equatable {
  public var event: String
  public var node: String
  public var time: String
  public var details: String

  public init(event: String, node: String, time: String, details: String) {
    self.event = event
    self.node = node
    self.time = time
    self.details = details
  }
}
