/// A named list used by match conditions (blocked senders, VIPs, trusted domains, known hashes).
public struct ManagedList: Codable, Sendable, Equatable {
  public var id: Int64
  public var name: String
  /// What the members are: `email`, `domain`, `hash`, `ip`.
  public var kind: String

  public init(id: Int64, name: String, kind: String) {
    self.id = id
    self.name = name
    self.kind = kind
  }
}
