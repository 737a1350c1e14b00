import Appliance
import ArgumentParser
import Foundation

/// `cluster status`: both nodes' roles, replication, lag and the last failover.
public struct ClusterStatusCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show each node's role, replication state and lag, and the last failover."
  ).inShell

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let status = try context.instance().clusterStatus()
    return Rendered(status, text: Self.text(status))
  }

  static func text(_ s: ClusterStatus) -> String {
    let table = Table(
      columns: ["Node", "Role", "Address", "Replication", "Sync", "Lag", "repmgrd"],
      rows: s.nodes.map { n in
        [
          n.name + (n.isLocal ? " (this)" : ""), n.role, n.address,
          n.replication ?? (n.role == "primary" ? "-" : "not streaming"),
          n.syncState ?? "-",
          n.lagBytes.map { "\($0) B / \(String(format: "%.3f", n.lagSeconds ?? 0)) s" } ?? "-",
          n.repmgrd.map { $0 ? "running" : "stopped" } ?? "?",
        ]
      })
    var lines = [
      "cluster \(s.clusterId), management IP \(s.managementAddress) on \(s.interface)",
      "replication: \(s.synchronous ? "synchronous" : "asynchronous or none")"
        + "; primary: \(s.primary?.name ?? "none reachable")",
    ]
    lines.append(table.text)
    if let f = s.lastFailover {
      lines.append("last failover: \(f.time) \(f.event) on \(f.node)")
    } else {
      lines.append("last failover: none")
    }
    return lines.joined(separator: "\n")
  }
}
