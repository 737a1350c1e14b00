import Appliance
import Crypto
import Foundation

/// The store on PostgreSQL: the instance's tables in the `appliance` schema of its database.
///
/// Every method is one transaction on one connection, guarded by `lock` (a connection runs
/// one transaction at a time); read-then-write methods take the instance's advisory write
/// lock first, as SQLite's immediate transactions do.
public final class PostgresStore: ApplianceStore, @unchecked Sendable {
  public let generation: SchemaGeneration
  let connection: PGConnection
  let columns: StoreColumns
  let lock = NSLock()
  /// Writes this connection committed: part of the change token.
  private var ownChanges: Int64 = 0
  /// Change notices received (nil on a standby, where NOTIFY does not reach: the WAL
  /// position is asked instead).
  private let notices: NoticeCounter?

  init(connection: PGConnection) throws {
    self.connection = connection
    // One round trip for what opening needs: the schema version and whether this is a standby.
    let row = try connection.query(
      "SELECT (SELECT value FROM meta WHERE key = 'schema_version'), pg_is_in_recovery()"
    ).first
    guard let version = row?[0].stringOrNil, let number = Int(version) else {
      throw ApplianceError.failed(
        "the database at \(connection.endpoint.label) holds no appliance data (no schema version)")
    }
    generation = try SchemaGeneration(schemaVersion: number)
    columns = .forGeneration(generation)
    if row?[1].bool == false {
      let counter = NoticeCounter()
      try connection.listen(on: PostgresSchema.changeChannel) { counter.increment() }
      notices = counter
    } else {
      notices = nil
    }
  }

  /// Runs `body` alone on the connection (reads: no transaction needed for one statement).
  func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
    try lock.withLock { try body(connection) }
  }

  /// Runs `body` in one transaction; `locked` takes the write lock first.
  @discardableResult
  func write<T>(locked: Bool = false, _ body: (PGConnection) throws -> T) throws -> T {
    try lock.withLock {
      let value = try connection.transaction(locked: locked) { try body(connection) }
      ownChanges += 1
      return value
    }
  }

  // MARK: meta

  public func meta() throws -> InstanceMeta {
    try read { db in try Self.readMeta(db) }
  }

  static func readMeta(_ db: PGConnection) throws -> InstanceMeta {
    var values: [String: String] = [:]
    for row in try db.query("SELECT key, value FROM meta") { values[row[0].string] = row[1].string }
    return InstanceMeta(values: values)
  }

  static func putMeta(_ db: PGConnection, _ key: String, _ value: String?) throws {
    if let value {
      try db.query(
        """
        INSERT INTO meta (key, value) VALUES ($1, $2)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """, [.text(key), .text(value)])
    } else {
      try db.query("DELETE FROM meta WHERE key = $1", [.text(key)])
    }
  }

  public func setHostname(_ hostname: String) throws {
    try write { db in try Self.putMeta(db, "hostname", hostname) }
  }

  // MARK: counts and digests

  /// On a primary, the change notices every commit to the appliance's tables sends (no round
  /// trip: a runbook's `show` commands ask before each one); on a standby, the WAL position
  /// replayed so far (one round trip, no table read).
  public func changeToken() throws -> StoreChangeToken {
    try lock.withLock {
      if let notices {
        return StoreChangeToken(dataVersion: notices.value, ownChanges: ownChanges)
      }
      let row = try connection.query(
        """
        SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
          ELSE pg_current_wal_insert_lsn() END - '0/0'::pg_lsn)::bigint
        """
      ).first
      return StoreChangeToken(dataVersion: row?.first?.int ?? 0, ownChanges: ownChanges)
    }
  }

  public func counts() throws -> RecordCounts {
    try read { db in
      let row = try db.query(
        """
        SELECT (SELECT COUNT(*) FROM incidents), (SELECT COUNT(*) FROM alerts),
          (SELECT COUNT(*) FROM alert_sources),
          (SELECT COALESCE(SUM(enabled), 0)::bigint FROM alert_sources)
        """)[0]
      var licenses = Dictionary(
        uniqueKeysWithValues: LicenseState.allCases.map { ($0.rawValue, 0) })
      for license in try db.query("SELECT state, COUNT(*) FROM licenses GROUP BY state") {
        licenses[license[0].string] = Int(license[1].int)
      }
      return RecordCounts(
        incidents: Int(row[0].int), alerts: Int(row[1].int), alertSourcesTotal: Int(row[2].int),
        alertSourcesEnabled: Int(row[3].int), licenses: licenses)
    }
  }

  static func tableNames(_ db: PGConnection, schema: String = PostgresSchema.live) throws
    -> [String]
  {
    try db.query(
      """
      SELECT table_name::text FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"
      """, [.text(schema)]
    ).map { $0[0].string }
  }

  public func tableCounts() throws -> [String: Int] {
    try read { db in try Self.tableCounts(db, of: nil) }
  }

  public func tableCounts(of tables: Set<String>) throws -> [String: Int] {
    try read { db in try Self.tableCounts(db, of: tables) }
  }

  static func tableCounts(
    _ db: PGConnection, of tables: Set<String>?, schema: String = PostgresSchema.live
  ) throws -> [String: Int] {
    let names = try tableNames(db, schema: schema).filter { tables?.contains($0) ?? true }
    guard !names.isEmpty else { return [:] }
    let sql = names.map { "SELECT '\($0)', COUNT(*) FROM \(schema).\($0)" }
      .joined(separator: " UNION ALL ")
    var counts: [String: Int] = [:]
    for row in try db.query(sql) { counts[row[0].string] = Int(row[1].int) }
    return counts
  }

  /// The same digest as SQLite's: each value as a type tag, an 8-byte length and its bytes,
  /// rows in primary-key order, so equal data gives equal digests on either engine.
  public func tableDigests() throws -> [String: TableDigest] {
    try lock.withLock {
      try connection.transaction {
        try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        var digests: [String: TableDigest] = [:]
        for table in try Self.tableNames(connection) {
          var hasher = SHA256()
          var rows = 0
          try PostgresPages.scan(connection, table: table, columns: nil) { row in
            hasher.update(data: Self.digestBytes(row))
            rows += 1
          }
          let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
          digests[table] = TableDigest(rows: rows, sha256: hex)
        }
        return digests
      }
    }
  }

  static func digestBytes(_ row: [ArchiveValue]) -> [UInt8] {
    var buffer: [UInt8] = [0x1E]
    func append(_ tag: UInt8, _ bytes: some Collection<UInt8>) {
      buffer.append(tag)
      withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { buffer.append(contentsOf: $0) }
      buffer.append(contentsOf: bytes)
    }
    for value in row {
      switch value {
      case .null: append(0, [])
      case .integer(let v): withUnsafeBytes(of: v.littleEndian) { append(1, $0) }
      case .real(let v): withUnsafeBytes(of: v.bitPattern.littleEndian) { append(2, $0) }
      case .text(let s): append(3, s.utf8)
      case .blob(let d): append(4, d)
      }
    }
    return buffer
  }

  public func close() throws {
    lock.withLock { connection.close() }
  }
}

/// Counts change notices; written on the event loop, read by the store's callers.
final class NoticeCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count: Int64 = 0

  func increment() { lock.withLock { count += 1 } }
  var value: Int64 { lock.withLock { count } }
}
