import Appliance
import Foundation

/// The restore's adjustments to the loaded data, before the swap (as SQLite's `finishRestore`):
/// this instance's identity, settings, workflow and uploads come from the live schema; alert
/// sources arrive disabled, licences Available; the admin keeps their password when asked.
enum PostgresRestore {
  static func carryOver(_ carry: RestoreCarryOver, _ db: PGConnection) throws {
    let r = PostgresSchema.restoring
    let l = PostgresSchema.live
    let kept =
      "'appliance_version', 'hostname', 'instance_id', 'created_at', 'services_restarting_until',"
      + " 'overcast_url', 'overcast_ca_bundle', 'overcast_connect_timeout', 'overcast_read_timeout'"
    try db.execute(
      """
      UPDATE \(r).alert_sources SET enabled = 0;
      UPDATE \(r).licenses SET state = 'Available', product_name = NULL, expires_at = NULL,
        last_validated_at = NULL, reason = NULL;
      DELETE FROM \(r).settings;
      INSERT INTO \(r).settings (section, key, value, sealed_value, encrypted)
        SELECT section, key, value, sealed_value, encrypted FROM \(l).settings;
      DELETE FROM \(r).workflow;
      INSERT INTO \(r).workflow SELECT * FROM \(l).workflow;
      DELETE FROM \(r).workflow_history;
      INSERT INTO \(r).workflow_history SELECT * FROM \(l).workflow_history;
      DELETE FROM \(r).uploads;
      INSERT INTO \(r).uploads SELECT * FROM \(l).uploads;
      DELETE FROM \(r).meta WHERE key IN (\(kept), 'unreadable_fields', 'restored_from');
      INSERT INTO \(r).meta (key, value) SELECT key, value FROM \(l).meta WHERE key IN (\(kept));
      """)
    func put(_ key: String, _ value: String) throws {
      try db.query(
        """
        INSERT INTO \(r).meta (key, value) VALUES ($1, $2)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """, [.text(key), .text(value)])
    }
    try put("restored_from", carry.restoredFrom)
    // Proof, once this schema is live, that this very restore's swap happened.
    try put("restore_id", carry.restoreId)
    if !carry.unreadable.isEmpty {
      try put(
        "unreadable_fields",
        String(decoding: try JSONEncoder().encode(carry.unreadable), as: UTF8.self))
    }
    if let hash = carry.adminPasswordHash {
      try db.query(
        "UPDATE \(r).users SET password_hash = $1 WHERE is_system = 1", [.text(hash)])
    }
  }
}
