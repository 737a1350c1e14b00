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
}
