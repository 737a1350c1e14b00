import Appliance
import ArgumentParser
import Foundation

/// `cluster setup`: the High Availability page of one node.
public struct ClusterSetupCommand: ShellCommand {
  public static let configuration = CommandConfiguration(
    commandName: "setup",
    abstract: "Make this instance the primary or the secondary node of a cluster.",
    discussion: """
      Checks first and changes nothing when a check fails: both nodes on PostgreSQL and on \
      the same appliance version, the management IP inside the subnet of --interface \
      (Configurations → Networking → Interfaces), the peer reachable, a secondary holding no \
      incidents. The primary is set up first; a secondary's data is then replaced by a clone \
      of the primary's (and it takes the primary's Master Secret), with synchronous \
      replication and repmgrd on both nodes.
      """
  ).inShell

  @Option(
    help: "The node's HA role: primary or secondary.", completion: .list(["primary", "secondary"]))
  var role: String

  @Option(help: "The cluster ID (1 to 255), the same on both nodes.")
  var clusterId: Int

  @Option(
    help: ArgumentHelp(
      "The cluster's shared management IP and prefix length (A.B.C.D/LEN).", valueName: "ip/len"))
  var managementIp: String

  @Option(help: "The cluster interface, as named under Networking → Interfaces (e.g. eth1).")
  var interface: String

  @Option(
    help: ArgumentHelp(
      "The other node's instance directory (required for a secondary: the primary).",
      valueName: "dir"),
    completion: .directory)
  var peer: String?

  @Flag(help: "Let a secondary that holds incidents lose them (with --yes).")
  var discardData = false

  @OptionGroup var confirm: ConfirmOptions
  @OptionGroup public var output: OutputOptions

  public init() {}

  public var workflowAction: WorkflowAction { .instanceAdmin }

  public func execute(in context: CommandContext) throws -> any CommandResult {
    guard let role = ClusterRole(rawValue: role.lowercased()) else {
      throw ApplianceError.usage("--role must be primary or secondary, not '\(self.role)'")
    }
    let request = ClusterSetupRequest(
      role: role, clusterId: clusterId,
      managementAddress: try ManagementAddress(parsing: managementIp), interface: interface,
      peer: peer.map { URL(fileURLWithPath: $0) }, discardData: discardData)
    if discardData {
      try context.confirm(
        "Discard every incident of this instance and replace its data with the primary's?",
        yes: confirm.yes)
    }
    let report = try context.instance().setupCluster(request)
    return ClusterReportShown.result(report)
  }
}
