import Appliance

/// Reads a whole table in primary-key order a page at a time through a cursor (inside the
/// caller's transaction, so every page comes from the same snapshot).
enum PostgresPages {
  static let pageRows = 5_000

  /// Calls `each` with every row of `table` (the named columns, or all in table order).
  static func scan(
    _ db: PGConnection, table: String, columns: [String]?, schema: String = PostgresSchema.live,
    _ each: ([ArchiveValue]) throws -> Void
  ) throws {
    let list = columns.map { $0.map { "\"\($0)\"" }.joined(separator: ", ") } ?? "*"
    let order = PostgresSchema.primaryKey(table).joined(separator: ", ")
    try db.execute(
      "DECLARE trsh_scan NO SCROLL CURSOR FOR SELECT \(list) FROM \(schema).\(table) ORDER BY \(order)"
    )
    while true {
      let rows = try db.query("FETCH FORWARD \(pageRows) FROM trsh_scan")
      for row in rows { try each(row) }
      if rows.count < pageRows { break }
    }
    try db.execute("CLOSE trsh_scan")
  }

  /// Calls `each` with every page of `table` (the named columns).
  ///
  /// Each row comes as one value, a record, parsed here straight into the page's buffer: as
  /// ordinary rows, a million rows cost the driver more time creating an object per cell
  /// than the server took to read them.
  static func scanPages(
    _ db: PGConnection, table: String, columns: [String], _ each: (ArchiveRowBuffer) throws -> Void
  ) throws {
    let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let order = PostgresSchema.primaryKey(table).map { "t.\($0)" }.joined(separator: ", ")
    try db.execute(
      "DECLARE trsh_scan NO SCROLL CURSOR FOR SELECT t FROM (SELECT \(list) FROM \(PostgresSchema.live).\(table)) t ORDER BY \(order)"
    )
    let fetch = "FETCH FORWARD \(pageRows) FROM trsh_scan"
    var capacity = 1 << 16
    var next = try db.send(fetch)
    while true {
      let page = ArchiveRowBuffer(columns: columns.count, byteCapacity: capacity)
      let count = try next.append(into: page, table: table)
      // The next page is asked for before this one is handed on.
      if count == pageRows { next = try db.send(fetch) }
      capacity = max(capacity, page.byteCount + page.byteCount / 8)
      if count > 0 { try each(page) }
      if count < pageRows { break }
    }
    try db.execute("CLOSE trsh_scan")
  }
}
