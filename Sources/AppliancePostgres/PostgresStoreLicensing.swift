import Appliance
import Foundation

// Licences, the licensing proxy and the free-form `meta` values the Overcast settings use.
extension PostgresStore {
  static func upsertLicense(_ db: PGConnection, _ l: License) throws {
    try db.query(
      """
      INSERT INTO licenses (license_key, state, product_name, expires_at, last_validated_at, reason)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (license_key) DO UPDATE SET state = excluded.state,
        product_name = excluded.product_name, expires_at = excluded.expires_at,
        last_validated_at = excluded.last_validated_at, reason = excluded.reason
      """,
      [
        .text(l.key.value), .text(l.state.rawValue), .text(l.productName), .text(l.expiresAt),
        .text(l.lastValidatedAt), .text(l.reason),
      ])
  }

  public func upsertLicense(_ license: License) throws {
    try write { db in try Self.upsertLicense(db, license) }
  }

  public func upsertLicenses(_ licenses: [License]) throws {
    // One transaction: a validation result is applied to every key or to none.
    try write { db in for license in licenses { try Self.upsertLicense(db, license) } }
  }

  public func licenses() throws -> [License] {
    try read { db in
      try db.query(
        """
        SELECT license_key, state, product_name, expires_at, last_validated_at, reason
        FROM licenses ORDER BY license_key
        """
      ).map { r in
        License(
          key: try LicenseKey(r[0].string), state: LicenseState(rawValue: r[1].string) ?? .invalid,
          productName: r[2].stringOrNil, expiresAt: r[3].stringOrNil,
          lastValidatedAt: r[4].stringOrNil, reason: r[5].stringOrNil)
      }
    }
  }

  public func removeLicense(_ key: LicenseKey) throws -> Bool {
    try write { db in
      !(try db.query(
        "DELETE FROM licenses WHERE license_key = $1 RETURNING license_key", [.text(key.value)]
      ).isEmpty)
    }
  }

  public func metaValue(_ key: String) throws -> String? {
    try read { db in
      try db.query("SELECT value FROM meta WHERE key = $1", [.text(key)]).first?[0].stringOrNil
    }
  }

  public func setMetaValue(_ key: String, _ value: String?) throws {
    try write { db in try Self.putMeta(db, key, value) }
  }

  // MARK: proxy

  public func setProxy(_ proxy: ProxySettings?) throws {
    try write { db in
      try db.query("DELETE FROM proxy_settings")
      if let p = proxy {
        try db.query(
          "INSERT INTO proxy_settings (id, host, port, username, password) VALUES (1, $1, $2, $3, $4)",
          [.text(p.host), .int(p.port), .text(p.username), .bytes(p.sealedPassword)])
      }
    }
  }

  public func proxy() throws -> ProxySettings? {
    try read { db in
      try db.query("SELECT host, port, username, password FROM proxy_settings").first.map {
        ProxySettings(
          host: $0[0].string, port: Int($0[1].int), username: $0[2].stringOrNil,
          sealedPassword: $0[3].data)
      }
    }
  }
}
