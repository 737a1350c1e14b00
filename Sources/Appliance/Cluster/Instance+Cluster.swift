import Foundation

/// High availability: the guide's checks before a node joins, then the engine's mechanics.
extension Instance {
  /// Said when the instance's engine cannot form a cluster (SQLite).
  public static let clusterNeedsPostgres =
    "this instance keeps its data in SQLite, which has no replication: a cluster runs on"
    + " PostgreSQL streaming replication. Create a PostgreSQL instance"
    + " (`instance create DIR --engine postgresql`), restore this instance's backup into it"
    + " (`backup create` here; `backup upload`, `secret upload` and `restore run` there) and"
    + " run `cluster setup` on that instance. Nothing was changed"

  /// The engine's cluster mechanics, or a refusal that says what to do.
  public func clusterControl() throws -> any ClusterControl {
    guard let control = try engine().clusterControl else {
      throw ApplianceError.failed(Self.clusterNeedsPostgres)
    }
    return control
  }

  /// The recorded membership (nil: standalone).
  public func clusterMembership() throws -> ClusterMembership? {
    try ClusterMembership.load(from: directory)
  }

  /// The membership, or a refusal naming `cluster setup`.
  func requireMembership() throws -> ClusterMembership {
    _ = try clusterControl()
    guard let membership = try clusterMembership() else {
      throw ApplianceError.failed(
        "this instance is not a cluster node: run `cluster setup` first. Nothing was changed")
    }
    return membership
  }

  /// `cluster setup`: every check first (nothing changes when one fails), then the engine
  /// forms the primary or clones the standby, and the membership is recorded.
  public func setupCluster(_ request: ClusterSetupRequest) throws -> ClusterActionReport {
    let control = try clusterControl()
    if let existing = try clusterMembership() {
      throw ApplianceError.usage(
        "this instance is already the \(existing.setupRole.rawValue) node \(existing.nodeName)"
          + " of cluster \(existing.clusterId): run `cluster leave` first. Nothing was changed")
    }
    guard (1...255).contains(request.clusterId) else {
      throw ApplianceError.usage("--cluster-id must be 1 to 255, not \(request.clusterId)")
    }
    let store = try store()
    let meta = try store.meta()
    guard store.generation == .current else {
      throw ApplianceError.validation(
        "this instance is a legacy \(meta.applianceVersion) instance: only 5.x nodes form a"
          + " cluster (upgrade it first). Nothing was changed")
    }
    try checkManagementAddress(request, store: store)
    try control.checkCanJoin(directory)
    let started = Date()
    var report: ClusterActionReport
    let nodeName: String
    switch request.role {
    case .primary:
      if let peer = request.peer {
        let facts = try control.peerFacts(peer.standardizedFileURL)
        try Self.checkSameVersion(own: meta.applianceVersion, peer: facts)
      }
      nodeName = "node1"
      // The server restarts: the open connection would be left dead.
      closeStore()
      defer { closeStore() }
      report = try control.formPrimary(in: directory, nodeName: nodeName)
    case .secondary:
      guard let peerURL = request.peer?.standardizedFileURL else {
        throw ApplianceError.usage(
          "a secondary needs --peer DIR: the primary's instance directory. Nothing was changed")
      }
      guard peerURL.path != directory.path else {
        throw ApplianceError.usage("--peer names this instance itself. Nothing was changed")
      }
      guard let peerEngine = StoreEngines.engine(holding: peerURL) else {
        throw ApplianceError.connectivity(
          "peer unreachable: no appliance instance at \(peerURL.path). Nothing was changed")
      }
      guard peerEngine.clusterControl != nil else {
        throw ApplianceError.validation(
          "the peer at \(peerURL.path) keeps its data in SQLite: both nodes must run on"
            + " PostgreSQL. Nothing was changed")
      }
      let facts = try control.peerFacts(peerURL)
      try Self.checkSameVersion(own: meta.applianceVersion, peer: facts)
      guard facts.isClusterPrimary, facts.isPrimary,
        let peerMembership = try ClusterMembership.load(from: peerURL)
      else {
        throw ApplianceError.validation(
          "the peer at \(peerURL.path) is not a cluster primary: run `cluster setup --role"
            + " primary` there first. Nothing was changed")
      }
      guard peerMembership.clusterId == request.clusterId else {
        throw ApplianceError.validation(
          "the peer is in cluster \(peerMembership.clusterId), not \(request.clusterId)."
            + " Nothing was changed")
      }
      guard peerMembership.managementAddress == request.managementAddress else {
        throw ApplianceError.validation(
          "the cluster's management IP is \(peerMembership.managementAddress) on the primary,"
            + " not \(request.managementAddress): both nodes share one. Nothing was changed")
      }
      let incidents = try store.counts().incidents
      if incidents > 0 && !request.discardData {
        throw ApplianceError.validation(
          "this secondary holds \(incidents) incidents: a new secondary must be an empty"
            + " instance (its data is replaced by the primary's). Add --discard-data --yes to"
            + " throw them away. Nothing was changed")
      }
      let peerSecret = try Instance(directory: peerURL).secret()
      closeStore()
      nodeName = peerMembership.nodeName == "node1" ? "node2" : "node1"
      report = try control.joinAsStandby(in: directory, peer: peerURL, nodeName: nodeName)
      // The replicated data is sealed under the primary's Master Secret.
      try installSecret(peerSecret)
      closeStore()
    }
    let membership = ClusterMembership(
      clusterId: request.clusterId, setupRole: request.role, nodeName: nodeName,
      managementAddress: request.managementAddress, interface: request.interface,
      peer: request.peer?.standardizedFileURL.path, joinedAt: ISOTime.now())
    try membership.save(in: directory)
    if request.role == .secondary, let peer = request.peer?.standardizedFileURL,
      var peerMembership = try ClusterMembership.load(from: peer)
    {
      peerMembership.peer = directory.path
      try peerMembership.save(in: peer)
    }
    report.seconds = Date().timeIntervalSince(started)
    return report
  }

  static func checkSameVersion(own: String, peer: ClusterPeerFacts) throws {
    guard own == peer.applianceVersion else {
      throw ApplianceError.validation(
        "the nodes run different versions: this one \(own), the peer (\(peer.hostname))"
          + " \(peer.applianceVersion); cluster nodes must run the same version."
          + " Nothing was changed")
    }
  }

  /// The management IP must lie in the subnet of the cluster interface, as configured under
  /// Configurations → Networking → Interfaces (`IFACE.address`, `IFACE.netmask`).
  func checkManagementAddress(_ request: ClusterSetupRequest, store: any ApplianceStore) throws {
    let section = "Configurations/Networking/Interfaces"
    let settings = try store.settings(under: section)
    func value(_ key: String) -> String? {
      settings.first { $0.section == section && $0.key == "\(request.interface).\(key)" }?.value
    }
    guard let addressText = value("address"),
      let address = ManagementAddress.parseAddress(addressText),
      let netmask = value("netmask"),
      let length = ManagementAddress.prefixLength(ofNetmask: netmask)
    else {
      throw ApplianceError.validation(
        "interface \(request.interface) has no static address and netmask under \(section)"
          + " (set \(request.interface).address and \(request.interface).netmask with"
          + " `settings set`): the management IP must lie in its subnet. Nothing was changed")
    }
    let wanted = request.managementAddress
    let subnet = "\(ManagementAddress.dotted(address & ManagementAddress.mask(length)))/\(length)"
    guard wanted.prefixLength == length,
      ManagementAddress.sameSubnet(address, wanted.address, prefixLength: length)
    else {
      throw ApplianceError.validation(
        "management IP \(wanted) is outside the subnet of \(request.interface)"
          + " (\(addressText)/\(length), subnet \(subnet)): choose a free address in \(subnet)."
          + " Nothing was changed")
    }
    guard wanted.address != address else {
      throw ApplianceError.validation(
        "management IP \(wanted) is \(request.interface)'s own address: the cluster's"
          + " management IP is a separate, shared address in \(subnet). Nothing was changed")
    }
  }

  /// `cluster status`.
  public func clusterStatus() throws -> ClusterStatus {
    let membership = try requireMembership()
    return try clusterControl().status(in: directory, membership: membership)
  }

  public func clusterSwitchover() throws -> ClusterActionReport {
    _ = try requireMembership()
    closeStore()
    defer { closeStore() }
    return try clusterControl().switchover(in: directory)
  }

  public func clusterFailover() throws -> ClusterActionReport {
    _ = try requireMembership()
    closeStore()
    defer { closeStore() }
    return try clusterControl().failover(in: directory)
  }

  public func clusterRejoin() throws -> ClusterActionReport {
    _ = try requireMembership()
    closeStore()
    defer { closeStore() }
    return try clusterControl().rejoin(in: directory)
  }

  /// `cluster leave`: the node becomes standalone; its membership record goes.
  public func leaveCluster() throws -> ClusterActionReport {
    let membership = try requireMembership()
    closeStore()
    defer { closeStore() }
    let report = try clusterControl().leave(in: directory)
    ClusterMembership.remove(from: directory)
    if let peer = membership.peer.map(URL.init(fileURLWithPath:)),
      var peerMembership = try? ClusterMembership.load(from: peer),
      peerMembership.peer == directory.path
    {
      peerMembership.peer = nil
      try? peerMembership.save(in: peer)
    }
    return report
  }
}
