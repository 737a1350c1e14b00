import Appliance

/// Keys, unique constraints, indexes and foreign keys of a schema, taken off before a bulk
/// load and put back after it, as pg_restore does: building an index once over the loaded
/// rows is much cheaper than keeping it up to date row by row.
enum PostgresConstraints {
  /// What `detach` took off, as the statements that put it back.
  struct Detached {
    /// Keys, unique constraints and indexes, by table: each needs only its own table.
    var local: [String: [String]] = [:]
    /// Foreign keys, checked as they come back: after every table is loaded and keyed.
    var foreign: [String] = []
  }

  /// Drops them from `schema`; returns the statements that restore them.
  static func detach(_ schema: String, _ db: PGConnection) throws -> Detached {
    let constraints = try db.query(
      """
      SELECT format('%I.%I', n.nspname, t.relname), t.relname::text, c.conname::text,
        c.contype::text, pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'f')
      ORDER BY c.contype = 'f' DESC, t.relname, c.conname
      """, [.text(schema)])
    let indexes = try db.query(
      """
      SELECT format('%I.%I', schemaname, indexname), tablename::text, indexdef FROM pg_indexes
      WHERE schemaname = $1 AND indexname NOT IN (
        SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1)
      ORDER BY indexname
      """, [.text(schema)])
    var detached = Detached()
    for row in constraints {
      let (qualified, table, name, kind, definition) = (
        row[0].string, row[1].string, row[2].string, row[3].string, row[4].string
      )
      try db.query("ALTER TABLE \(qualified) DROP CONSTRAINT \"\(name)\"")
      let add = "ALTER TABLE \(qualified) ADD CONSTRAINT \"\(name)\" \(definition)"
      if kind == "f" {
        detached.foreign.append(add)
      } else {
        detached.local[table, default: []].append(add)
      }
    }
    for row in indexes {
      try db.query("DROP INDEX \(row[0].string)")
      detached.local[row[1].string, default: []].append(row[2].string)
    }
    return detached
  }
}
