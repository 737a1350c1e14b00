import Foundation

/// That an instance is a cluster node, as recorded in `DIR/cluster.json` when `cluster setup`
/// succeeded (not in the database: both nodes hold the same replicated data).
public struct ClusterMembership: Codable, Sendable, Equatable {
  public var clusterId: Int
  /// The role the node was set up with; the role it has now is in `cluster status`.
  public var setupRole: ClusterRole
  public var nodeName: String
  public var managementAddress: ManagementAddress
  public var interface: String
  /// The other node's instance directory, when it is on this machine.
  public var peer: String?
  public var joinedAt: String

  public init(
    clusterId: Int, setupRole: ClusterRole, nodeName: String,
    managementAddress: ManagementAddress, interface: String, peer: String?, joinedAt: String
  ) {
    self.clusterId = clusterId
    self.setupRole = setupRole
    self.nodeName = nodeName
    self.managementAddress = managementAddress
    self.interface = interface
    self.peer = peer
    self.joinedAt = joinedAt
  }

  static func url(in directory: URL) -> URL { directory.appendingPathComponent("cluster.json") }

  /// The recorded membership, nil when the instance is standalone.
  public static func load(from directory: URL) throws -> ClusterMembership? {
    let url = url(in: directory)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return try JSONDecoder().decode(ClusterMembership.self, from: Data(contentsOf: url))
    } catch {
      throw ApplianceError.failed("cannot read \(url.path): \(error.localizedDescription)")
    }
  }

  func save(in directory: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try PrivateFiles.write(try encoder.encode(self), to: Self.url(in: directory), durable: true)
  }

  static func remove(from directory: URL) {
    try? FileManager.default.removeItem(at: url(in: directory))
  }
}
