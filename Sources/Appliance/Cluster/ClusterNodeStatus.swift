/// One node as `cluster status` shows it.
public struct ClusterNodeStatus: Codable, Sendable, Equatable {
  public var name: String
  public var id: Int
  /// `primary`, `standby` or `down` (unreachable now).
  public var role: String
  /// What repmgr's metadata says the node is (`primary` / `standby`).
  public var registeredAs: String
  public var address: String
  public var upstream: String?
  /// `streaming`, `catchup`, ... for a standby seen from the primary; nil otherwise.
  public var replication: String?
  /// `sync` or `async` (pg_stat_replication.sync_state); nil when not streaming.
  public var syncState: String?
  public var lagBytes: Int64?
  public var lagSeconds: Double?
  /// Whether the node's repmgrd (automatic failover) is running.
  public var repmgrd: Bool?
  public var isLocal: Bool

  public init(
    name: String, id: Int, role: String, registeredAs: String, address: String,
    upstream: String?, replication: String?, syncState: String?, lagBytes: Int64?,
    lagSeconds: Double?, repmgrd: Bool?, isLocal: Bool
  ) {
    self.name = name
    self.id = id
    self.role = role
    self.registeredAs = registeredAs
    self.address = address
    self.upstream = upstream
    self.replication = replication
    self.syncState = syncState
    self.lagBytes = lagBytes
    self.lagSeconds = lagSeconds
    self.repmgrd = repmgrd
    self.isLocal = isLocal
  }
}
