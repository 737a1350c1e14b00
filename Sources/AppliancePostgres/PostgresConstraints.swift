import Appliance

/// Keys, unique constraints, indexes and foreign keys of a schema, taken off before a bulk
/// load and put back after it, as pg_restore does: building an index once over the loaded
/// rows is much cheaper than keeping it up to date row by row.
enum PostgresConstraints {
  /// Drops them from `schema`; returns the statements that restore them, in order (keys and
  /// unique constraints, then indexes, then foreign keys, which are checked as they come back).
  static func detach(_ schema: String, _ db: PGConnection) throws -> [String] {
    let constraints = try db.query(
      """
      SELECT format('%I.%I', n.nspname, t.relname), c.conname::text, c.contype::text,
        pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'f')
      ORDER BY c.contype = 'f' DESC, t.relname, c.conname
      """, [.text(schema)])
    let indexes = try db.query(
      """
      SELECT format('%I.%I', schemaname, indexname), indexdef FROM pg_indexes
      WHERE schemaname = $1 AND indexname NOT IN (
        SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1)
      ORDER BY indexname
      """, [.text(schema)])
    var restore: [String] = []
    var foreign: [String] = []
    for row in constraints {
      let (table, name, kind, definition) = (
        row[0].string, row[1].string, row[2].string, row[3].string
      )
      try db.query("ALTER TABLE \(table) DROP CONSTRAINT \"\(name)\"")
      let add = "ALTER TABLE \(table) ADD CONSTRAINT \"\(name)\" \(definition)"
      if kind == "f" { foreign.append(add) } else { restore.append(add) }
    }
    for row in indexes {
      try db.query("DROP INDEX \(row[0].string)")
      restore.append(row[1].string)
    }
    return restore + foreign
  }
}
