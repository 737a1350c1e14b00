import ArgumentParser

/// `cluster ...`: Maintenance → High Availability, a two-node PostgreSQL pair managed by repmgr.
public struct ClusterCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cluster",
    abstract: "Form and run a two-node high-availability cluster (PostgreSQL instances).",
    discussion: """
      Both nodes are instances created with --engine postgresql, on the same version. The \
      primary's data is replicated synchronously to the secondary by PostgreSQL streaming \
      replication, managed by repmgr: repmgrd promotes the secondary within seconds when the \
      primary dies, and `cluster rejoin` brings the old primary back as secondary. On one \
      machine the peer is named by its instance directory.
      """,
    subcommands: [
      ClusterSetupCommand.self, ClusterStatusCommand.self, ClusterVerifyCommand.self,
      ClusterSwitchoverCommand.self,
      ClusterFailoverCommand.self, ClusterRejoinCommand.self, ClusterLeaveCommand.self,
    ])

  public init() {}
}
