/// `cluster verify`: whether both nodes hold the same data, table by table (row count and
/// content digest).
public struct ClusterDataCheck: Codable, Sendable, Equatable {
  public var tables: Int
  /// Tables whose count or digest differ between the nodes.
  public var different: [String]
  public var peer: String

  public init(tables: Int, different: [String], peer: String) {
    self.tables = tables
    self.different = different
    self.peer = peer
  }

  public var synchronized: Bool { different.isEmpty }
}
