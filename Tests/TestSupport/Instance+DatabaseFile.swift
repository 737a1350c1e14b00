import Appliance
import Foundation

extension Instance {
  /// The SQLite engine's database file, for tests that read or copy it directly.
  public var databaseURL: URL { directory.appendingPathComponent("appliance.sqlite") }
}
