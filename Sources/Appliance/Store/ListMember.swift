/// One member of a managed list.
public struct ListMember: Codable, Sendable, Equatable {
  public var id: Int64
  public var listId: Int64
  public var value: String
  public var addedAt: String

  public init(id: Int64, listId: Int64, value: String, addedAt: String) {
    self.id = id
    self.listId = listId
    self.value = value
    self.addedAt = addedAt
  }
}
