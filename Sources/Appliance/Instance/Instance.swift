import Foundation

/// An appliance instance: a directory holding the database, the Master Secret, backups, uploads and the audit log.
///
/// Opening is cheap (a `stat`): the database and the secret are read on first use, so
/// `trsh -c 'show version'` stays fast. Thread-safe; the store is shared by all callers.
public final class Instance: @unchecked Sendable {
  /// The instance directory.
  public let directory: URL

  public var secretURL: URL { directory.appendingPathComponent("secret.key") }
  public var backupsDirectory: URL {
    directory.appendingPathComponent("backups", isDirectory: true)
  }
  public var uploadsDirectory: URL {
    directory.appendingPathComponent("uploads", isDirectory: true)
  }
  public var auditLogURL: URL { directory.appendingPathComponent("audit.log") }

  // Lazily opened resources, guarded by `lock` (hence @unchecked Sendable).
  private let lock = NSLock()
  private var openedStore: (any ApplianceStore)?
  private var loadedSecret: MasterSecret?
  private var openedAuditLog: AuditLog?
  /// `show status` and `show version`, kept until the store's change token moves.
  let statusCache = LastValue<StoreChangeToken, StatusSummary>()
  let versionCache = LastValue<StoreChangeToken, VersionInfo>()
  /// Said by recovery at open time, for the commands layer to show (`takeNotices`).
  private var notices: [String] = []

  init(directory: URL) {
    self.directory = directory
  }

  // MARK: open and create

  /// Whether an instance (its database, in any linked engine) exists at `directory`; costs a
  /// `stat` per engine.
  public static func exists(at directory: URL) -> Bool {
    StoreEngines.engine(holding: directory) != nil
  }

  /// Opens the instance at `directory`; when it does not exist (or is an empty directory) and
  /// `createIfMissing`, creates a fresh 5.x instance there (machine host name, no sample data).
  public static func open(at directory: URL, createIfMissing: Bool) throws -> Instance {
    let instance = Instance(directory: directory.standardizedFileURL)
    if exists(at: instance.directory) {
      // Costs two `stat`s unless a restore or secret upload died here earlier.
      instance.recoverInterruptedOperations()
      // One more `stat`: an instance made by an older trsh (or opened up by hand) is made
      // private again the first time it is used.
      PrivateFiles.tightenIfOpen(instance.directory)
      return instance
    }
    guard createIfMissing else {
      throw ApplianceError.failed("no appliance instance at \(directory.path)")
    }
    return try create(at: directory, version: .current, sampleData: 0)
  }

  /// Creates a new instance; the directory must not exist or must be empty.
  ///
  /// With a `seed`, everything is reproducible: sample data, the Master Secret (derived from the
  /// seed and the version, so an old and a new rehearsal instance never share one), the instance
  /// id, timestamps and the admin password (`sampleAdminPassword(seed:)`). Without one, the
  /// secret and id are random and the admin password unknown. On failure or cancellation
  /// the half-created directory is removed.
  public static func create(
    at directory: URL, version: SchemaGeneration, release: ApplianceRelease? = nil,
    sampleData: Int = 0, seed: UInt64? = nil, hostname: String? = nil,
    engine engineName: String? = nil, external: ExternalDatabase? = nil,
    progress: (any ProgressSink)? = nil,
    cancel: (any Cancellation)? = nil
  ) throws -> Instance {
    guard sampleData >= 0 else {
      throw ApplianceError.usage("the sample data count must be 0 or more, not \(sampleData)")
    }
    let fm = FileManager.default
    let directory = directory.standardizedFileURL
    var isDirectory: ObjCBool = false
    let existed = fm.fileExists(atPath: directory.path, isDirectory: &isDirectory)
    if existed {
      guard isDirectory.boolValue,
        (try? fm.contentsOfDirectory(atPath: directory.path))?.isEmpty == true
      else {
        throw ApplianceError.usage(
          "\(directory.path) already exists and is not empty: choose a new directory")
      }
    }
    let engine = try StoreEngines.engine(named: engineName)
    let instance = Instance(directory: directory)
    do {
      try PrivateFiles.makeDirectory(directory)
      try PrivateFiles.makeDirectory(instance.backupsDirectory)
      try PrivateFiles.makeDirectory(instance.uploadsDirectory)
      let content = makeContent(
        version: version, applianceVersion: release?.version ?? version.applianceVersion,
        sampleData: sampleData, seed: seed,
        hostname: hostname ?? SystemIdentity.hostName())
      try content.secret.write(to: instance.secretURL)
      try cancel?.check()
      try engine.create(
        in: directory, generation: version, content: content, external: external,
        progress: progress, cancel: cancel)
      instance.loadedSecret = content.secret
      return instance
    } catch {
      if existed {
        for item in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] {
          try? fm.removeItem(at: directory.appendingPathComponent(item))
        }
      } else {
        try? fm.removeItem(at: directory)
      }
      if let error = error as? ApplianceError { throw error }
      throw ApplianceError.failed("cannot create the instance at \(directory.path): \(error)")
    }
  }

  /// The admin password of a sample instance created with `seed`.
  public static func sampleAdminPassword(seed: UInt64) -> String { "admin-\(seed)" }

  static func makeContent(
    version: SchemaGeneration, applianceVersion: String, sampleData: Int, seed: UInt64?,
    hostname: String
  ) -> NewInstanceContent {
    var system = SystemRandomNumberGenerator()
    let effectiveSeed = seed ?? system.next()
    // Separate streams for identity and content, so adding sample data never changes the secret.
    var identity = SeededGenerator(
      seed: effectiveSeed ^ (version == .legacy ? 0x4_0000_0000 : 0x5_0000_0000) ^ 0xA5A5_0F0F)
    let secret = seed == nil ? MasterSecret.generate() : MasterSecret.seeded(&identity)
    let instanceId: UUID
    let created: String
    if seed == nil {
      instanceId = UUID()
      created = ISOTime.now()
    } else {
      let bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: identity.next()) }
      instanceId = UUID(
        uuid: (
          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40,
          bytes[7], bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13],
          bytes[14], bytes[15]
        ))
      created = ISOTime.string(epochSeconds: 1_704_067_200 + Int64(identity.below(86_400 * 365)))
    }
    let salt = (0..<16).map { _ in UInt8(truncatingIfNeeded: identity.next()) }
    let password =
      seed.map(sampleAdminPassword(seed:))
      ?? (0..<24).map { _ in String(system.next() % 36, radix: 36) }.joined()
    let adminHash =
      version == .legacy
      ? PasswordHash.makeLegacy(password: password, salt: salt)
      : PasswordHash.make(password: password, salt: salt)
    let admin = User(
      id: 1, username: "admin", passwordHash: adminHash, isSystem: true, role: "administrator",
      createdAt: created)
    var extraUsers: [User] = []
    var settingsRNG = SeededGenerator(seed: effectiveSeed ^ 0x5E77_1465)
    let settings: [SettingDraft]
    if sampleData > 0 {
      settings =
        version == .legacy
        ? SettingsTree.sampleLegacy(hostname: hostname, rng: &settingsRNG)
        : SettingsTree.sampleCurrent(hostname: hostname, rng: &settingsRNG)
      for (index, name) in SampleData.analysts.enumerated() {
        let userSalt = (0..<16).map { _ in UInt8(truncatingIfNeeded: identity.next()) }
        // Sample analysts get cheap hashes: they exist to be counted and migrated, not to log in.
        let hash =
          version == .legacy
          ? PasswordHash.makeLegacy(password: "\(name)-\(effectiveSeed)", salt: userSalt)
          : PasswordHash.make(
            password: "\(name)-\(effectiveSeed)", salt: userSalt, iterations: 1000)
        extraUsers.append(
          User(
            id: Int64(index + 2), username: name, passwordHash: hash, isSystem: false,
            role: "analyst", createdAt: created))
      }
    } else {
      settings = version == .legacy ? [] : SettingsTree.defaultCurrent(hostname: hostname)
    }
    let meta = InstanceMeta(
      applianceVersion: applianceVersion, schemaVersion: version.schemaVersion,
      hostname: hostname, instanceId: instanceId.uuidString.lowercased(), createdAt: created)
    return NewInstanceContent(
      meta: meta, admin: admin, extraUsers: extraUsers, settings: settings, secret: secret,
      sampleIncidents: sampleData, seed: effectiveSeed)
  }

  // MARK: resources

  /// The store, opened on first use in the engine whose database the directory holds.
  public func store() throws -> any ApplianceStore {
    try lock.withLock {
      if let openedStore { return openedStore }
      let store = try engine().open(in: directory)
      openedStore = store
      return store
    }
  }

  /// The engine this instance's data lives in.
  public func engine() throws -> any StoreEngine {
    guard let engine = StoreEngines.engine(holding: directory) else {
      throw ApplianceError.failed("no appliance database in \(directory.path)")
    }
    return engine
  }

  /// Drops the open database connection, e.g. before a restore swaps the file.
  public func closeStore() {
    lock.withLock {
      openedStore = nil
      statusCache.clear()
      versionCache.clear()
    }
  }

  /// The Master Secret, read on first use.
  public func secret() throws -> MasterSecret {
    try lock.withLock {
      if let loadedSecret { return loadedSecret }
      let secret = try MasterSecret.load(from: secretURL)
      loadedSecret = secret
      return secret
    }
  }

  /// Replaces the Master Secret file atomically (secret upload) and uses it from now on.
  public func installSecret(_ secret: MasterSecret) throws {
    try lock.withLock {
      try secret.write(to: secretURL)
      loadedSecret = secret
      statusCache.clear()
    }
  }

  /// Moves a staged secret file (already written and synced) over the secret atomically and
  /// uses it from now on: the last step of a crash-safe secret upload.
  func installStagedSecret(_ staged: URL, secret: MasterSecret) throws {
    try lock.withLock {
      guard rename(staged.path, secretURL.path) == 0 else {
        throw ApplianceError.failed(
          "cannot install the new Master Secret: \(String(cString: strerror(errno)))")
      }
      try FileSync.sync(directory.path)
      loadedSecret = secret
      statusCache.clear()
    }
  }

  /// Forgets the cached secret, so the next use reads the file again.
  func forgetSecret() {
    lock.withLock {
      loadedSecret = nil
      statusCache.clear()
    }
  }

  /// Notices from recovering an interrupted restore or secret upload when the instance was
  /// opened; each is returned once.
  public func takeNotices() -> [String] {
    lock.withLock {
      defer { notices = [] }
      return notices
    }
  }

  func addNotice(_ text: String) {
    lock.withLock { notices.append(text) }
  }

  /// The audit log, opened (append mode) on first use and kept open.
  public func auditLog() throws -> AuditLog {
    try lock.withLock {
      if let openedAuditLog { return openedAuditLog }
      let log = try AuditLog(url: auditLogURL)
      openedAuditLog = log
      return log
    }
  }

  /// Opens a sealed field under the current secret.
  public func reveal(_ sealed: Data) throws -> FieldValue {
    try secret().decrypt(sealed)
  }
}
