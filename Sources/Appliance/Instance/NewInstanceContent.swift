import Foundation

/// Everything a new instance's database starts with; built by `Instance.create`, written by the engine.
public struct NewInstanceContent: Sendable {
  public var meta: InstanceMeta
  public var admin: User
  public var extraUsers: [User]
  public var settings: [SettingDraft]
  public var secret: MasterSecret
  /// Number of sample incidents; 0 makes a fresh, empty instance.
  public var sampleIncidents: Int
  public var seed: UInt64
}
