import Appliance
import Foundation

/// `cluster leave`: a standby stops replicating and becomes a standalone instance (with the
/// data it had); a primary leaves once no standby is attached. Synchronous replication is
/// switched off on the node that stays, so its commits never wait for a gone standby.
enum PostgresClusterLeave {
  static func leave(_ directory: URL, peer: URL?) throws -> ClusterActionReport {
    let started = Date()
    var steps: [String] = []
    let node = RepmgrNode(instance: directory)
    let nodes = try PostgresClusterNodes(directory, peer: peer)
    let config = try PostgresInstanceConfig.load(from: directory)
    guard let server = config.server(in: directory) else {
      throw ApplianceError.failed("this instance does not run its own database server")
    }
    let meIsPrimary = nodes.isPrimary(nodes.me)
    if meIsPrimary == true {
      if let attached = nodes.others.first(where: {
        nodes.streams($0.name, from: nodes.me, sync: false)
      }) {
        throw ApplianceError.refused(
          "\(attached.name) still replicates from this primary: run `cluster leave` on it"
            + " first. Nothing was changed")
      }
      RepmgrDaemon(node: node).stop()
      try node.writeNodeConf(nodes.record, synchronous: false)
      let db = try nodes.connect(nodes.me)
      try db.query("SELECT pg_reload_conf()")
      for slot in try db.query("SELECT slot_name FROM pg_replication_slots WHERE NOT active") {
        try db.query("SELECT pg_drop_replication_slot($1)", [.text(slot[0].string)])
      }
      try db.query("DELETE FROM repmgr.nodes WHERE node_id <> $1", [.int(nodes.record.nodeId)])
      db.close()
      steps.append("repmgrd stopped, synchronous replication off, replication slots dropped")
    } else {
      RepmgrDaemon(node: node).stop()
      steps.append("repmgrd stopped")
      let primary = nodes.others.first { nodes.isPrimary($0) == true }
      if let primary {
        // The primary stops waiting for this node before it goes.
        if let peer, let peerNode = Optional(RepmgrNode(instance: peer)), peerNode.exists {
          try peerNode.writeNodeConf(try peerNode.record(), synchronous: false)
        }
        if let db = try? nodes.connect(primary) {
          try db.query("SELECT pg_reload_conf()")
          _ = try? db.query(
            "DELETE FROM repmgr.nodes WHERE node_id = $1", [.int(nodes.record.nodeId)])
          db.close()
        }
        steps.append("\(primary.name) no longer waits for this node (synchronous replication off)")
      }
      if server.isRunning { try server.stop() }
      // No standby.signal, no upstream: the next start is a standalone primary.
      unlink(node.dataDirectory.appendingPathComponent("standby.signal").path)
      let auto = node.dataDirectory.appendingPathComponent("postgresql.auto.conf")
      if let text = try? String(contentsOf: auto, encoding: .utf8) {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
          !$0.hasPrefix("primary_conninfo") && !$0.hasPrefix("primary_slot_name")
        }
        try Data(kept.joined(separator: "\n").utf8).write(to: auto)
        try RepmgrNode.handToService(auto)
      }
      try node.writeNodeConf(nodes.record, synchronous: false)
      try server.start()
      if let primary, let db = try? nodes.connect(primary) {
        let slot = "repmgr_slot_\(nodes.record.nodeId)"
        _ = try? db.query(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
            + " WHERE slot_name = $1 AND NOT active", [.text(slot)])
        db.close()
      }
      steps.append("this node runs standalone now (its data as of leaving)")
    }
    try? FileManager.default.removeItem(at: node.folder)
    return ClusterActionReport(
      action: "leave", steps: steps, seconds: Date().timeIntervalSince(started),
      primary: meIsPrimary == true ? nodes.me.name : nil)
  }
}
