import Foundation

/// What `cluster setup` asks for: the guide's High Availability page, per node.
public struct ClusterSetupRequest: Sendable {
  public var role: ClusterRole
  public var clusterId: Int
  public var managementAddress: ManagementAddress
  public var interface: String
  /// The other node's instance directory (the primary, for a secondary).
  public var peer: URL?
  /// A secondary holding incidents is emptied (its data replaced by the primary's).
  public var discardData: Bool

  public init(
    role: ClusterRole, clusterId: Int, managementAddress: ManagementAddress, interface: String,
    peer: URL?, discardData: Bool
  ) {
    self.role = role
    self.clusterId = clusterId
    self.managementAddress = managementAddress
    self.interface = interface
    self.peer = peer
    self.discardData = discardData
  }
}
