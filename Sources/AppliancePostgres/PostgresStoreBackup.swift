import Appliance
import Foundation

// Backup and secret replacement: the snapshot into the interchange image, sealed-field scans
// and rewrites, uploads.
extension PostgresStore {
  /// Copies every table from one REPEATABLE READ snapshot into a new archive image at `url`
  /// (without incidents, their tables stay empty in the copy). Returns the copy's row counts.
  public func snapshot(to url: URL, includeIncidents: Bool) throws -> [String: Int] {
    let image = PipelinedImageWriter(
      try StoreEngines.bodyFormat().newImage(at: url, generation: generation))
    try lock.withLock {
      try connection.transaction {
        try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for table in try Self.tableNames(connection) {
          if !includeIncidents && PostgresSchema.incidentTables.contains(table) { continue }
          let names = try Self.columnNames(connection, table: table)
          try PostgresPages.scanPages(connection, table: table, columns: names) { page in
            try image.append(to: table, columns: names, rows: page)
          }
        }
      }
    }
    return try image.finish()
  }

  static func columnNames(
    _ db: PGConnection, table: String, schema: String = PostgresSchema.live
  ) throws -> [String] {
    try db.query(
      """
      SELECT column_name::text FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
      """, [.text(schema), .text(table)]
    ).map { $0[0].string }
  }

  public func sealedFields() throws -> [SealedField] {
    try read { db in try Self.sealedFields(db, generation: generation) }
  }

  static func sealedFields(_ db: PGConnection, generation: SchemaGeneration) throws
    -> [SealedField]
  {
    var fields: [SealedField] = []
    for row in try db.query(
      "SELECT name, credentials FROM alert_sources WHERE credentials IS NOT NULL ORDER BY name")
    {
      fields.append(
        SealedField(kind: .alertSourceCredentials, name: row[0].string, sealed: row[1].data!))
    }
    let tables = generation == .current ? ["settings", "legacy_settings"] : ["settings"]
    for table in tables {
      for row in try db.query(
        """
        SELECT section, key, sealed_value FROM \(table)
        WHERE sealed_value IS NOT NULL ORDER BY section, key
        """)
      {
        fields.append(
          SealedField(
            kind: table == "settings" ? .setting : .legacySetting,
            name: "\(row[0].string)/\(row[1].string)", sealed: row[2].data!))
      }
    }
    if let sealed = try db.query(
      "SELECT password FROM proxy_settings WHERE password IS NOT NULL"
    ).first?[0].data {
      fields.append(SealedField(kind: .proxyPassword, name: "licensing proxy", sealed: sealed))
    }
    return fields
  }

  @discardableResult
  public func resealFields(sealedUnder: String?, _ transform: (SealedField) -> Data?) throws -> Int
  {
    try write(locked: true) { db in
      if let sealedUnder { try Self.putMeta(db, "sealed_under", sealedUnder) }
      var changed = 0
      for field in try Self.sealedFields(db, generation: generation) {
        guard let sealed = transform(field) else { continue }
        changed += 1
        switch field.kind {
        case .alertSourceCredentials:
          try db.query(
            "UPDATE alert_sources SET credentials = $1 WHERE name = $2",
            [.blob(sealed), .text(field.name)])
        case .setting, .legacySetting:
          let table = field.kind == .setting ? "settings" : "legacy_settings"
          let slash = field.name.lastIndex(of: "/")!
          try db.query(
            "UPDATE \(table) SET sealed_value = $1 WHERE section = $2 AND key = $3",
            [
              .blob(sealed), .text(String(field.name[..<slash])),
              .text(String(field.name[field.name.index(after: slash)...])),
            ])
        case .proxyPassword:
          try db.query("UPDATE proxy_settings SET password = $1", [.blob(sealed)])
        }
      }
      return changed
    }
  }

  public func recordUpload(fileName: String, kind: String, size: Int64, sha256: String) throws {
    guard generation == .current else { return }
    try write(locked: true) { db in
      try db.query(
        """
        INSERT INTO uploads (id, file_name, kind, size, sha256, uploaded_at)
        SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM uploads
        """,
        [.text(fileName), .text(kind), .integer(size), .text(sha256), .text(ISOTime.now())])
    }
  }

  public func lastUpload(kind: String) throws -> String? {
    guard generation == .current else { return nil }
    return try read { db in
      try db.query(
        "SELECT file_name FROM uploads WHERE kind = $1 ORDER BY id DESC LIMIT 1", [.text(kind)]
      ).first?[0].string
    }
  }
}
