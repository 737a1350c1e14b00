import Foundation

/// Everything a new instance's database starts with; built by `Instance.create`, written by the store.
struct NewInstanceContent {
  var meta: InstanceMeta
  var admin: User
  var extraUsers: [User]
  var settings: [SettingDraft]
  var secret: MasterSecret
  /// Number of sample incidents; 0 makes a fresh, empty instance.
  var sampleIncidents: Int
  var seed: UInt64
}
