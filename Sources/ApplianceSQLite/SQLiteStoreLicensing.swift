import Appliance
import GRDB

/// Licence removal, batch updates and the free-form `meta` values the Overcast settings use.
extension SQLiteStore {
  public func removeLicense(_ key: LicenseKey) throws -> Bool {
    try queue.write { db in
      try db.execute(sql: "DELETE FROM licenses WHERE license_key = ?", arguments: [key.value])
      return db.changesCount > 0
    }
  }

  public func upsertLicenses(_ licenses: [License]) throws {
    // One transaction: a validation result is applied to every key or to none.
    try queue.write { db in
      for license in licenses { try Self.upsertLicense(db, license) }
    }
  }

  public func metaValue(_ key: String) throws -> String? {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
  }

  public func setMetaValue(_ key: String, _ value: String?) throws {
    try queue.write { db in try Self.putMeta(db, key, value) }
  }
}
