import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// `backup create|list|show|verify|upload|delete`.
extension Instance {
  /// Writes a backup of the whole instance: an online-backup snapshot beside the database
  /// (removed whatever happens), compressed into `output` or `backups/<host>-<UTC time>.trbk`.
  public func createBackup(
    output: URL?, includeIncidents: Bool, progress: (any ProgressSink)? = nil,
    cancel: (any Cancellation)? = nil
  ) throws -> (summary: BackupArchiveSummary, file: URL) {
    let store = try store()
    let meta = try store.meta()
    let counts = try store.counts()
    let destination =
      output
      ?? backupsDirectory.appendingPathComponent(
        "\(meta.hostname)-\(Self.fileTimestamp(Date())).trbk")
    if output == nil {
      try PrivateFiles.makeDirectory(backupsDirectory)
    }
    let snapshot = directory.appendingPathComponent(".backup-snapshot-\(getpid()).sqlite")
    Self.removeDatabaseFiles(snapshot)
    defer { Self.removeDatabaseFiles(snapshot) }
    try cancel?.check()
    let tableCounts = try store.snapshot(to: snapshot, includeIncidents: includeIncidents)
    try cancel?.check()
    let header = BackupHeader(
      applianceVersion: meta.applianceVersion, schemaVersion: meta.schemaVersion,
      hostname: meta.hostname, instanceID: meta.instanceId, createdAt: ISOTime.now(),
      recordCounts: tableCounts, secretFingerprint: try secret().fingerprint,
      sourcesLive: counts.alertSourcesEnabled > 0, includesIncidents: includeIncidents)
    let summary = try BackupArchive.write(
      header: header, body: snapshot, to: destination,
      progress: { done, total in
        progress?.progress(Int(done), of: Int(total), label: "backup")
      }, isCancelled: { cancel?.isCancelled ?? false })
    return (summary, destination)
  }

  /// `backup list`: the archives in `backups/` and `uploads/`, newest first.
  public func backupFiles() -> [BackupFileInfo] {
    var files: [BackupFileInfo] = []
    let fm = FileManager.default
    for (place, folder) in [("backups", backupsDirectory), ("uploads", uploadsDirectory)] {
      for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasSuffix(".trbk") {
        let url = folder.appendingPathComponent(name)
        let size = ((try? fm.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value
        let header = try? BackupArchive.readHeader(url)
        files.append(
          BackupFileInfo(
            name: name, location: place, path: url.path, bytes: size ?? 0, header: header))
      }
    }
    return files.sorted {
      ($0.header?.createdAt ?? "", $0.name) > ($1.header?.createdAt ?? "", $1.name)
    }
  }

  /// Resolves a backup named on the command line: a path, else a name in `uploads/` or `backups/`.
  public func backupFile(named name: String) throws -> URL {
    let fm = FileManager.default
    if name.contains("/") || fm.fileExists(atPath: name) {
      guard fm.fileExists(atPath: name) else {
        throw ApplianceError.usage("no backup file \(name)")
      }
      return URL(fileURLWithPath: name)
    }
    for folder in [uploadsDirectory, backupsDirectory] {
      let url = folder.appendingPathComponent(name)
      if fm.fileExists(atPath: url.path) { return url }
    }
    throw ApplianceError.usage(
      "no backup file '\(name)' here or in \(uploadsDirectory.path) or \(backupsDirectory.path)")
  }

  /// Refuses a backup written by a newer appliance or schema than this instance runs (exit 4:
  /// the file does not validate for this instance; nothing was changed).
  public func checkBackupVersion(_ header: BackupHeader) throws {
    let meta = try store().meta()
    if header.schemaVersion > meta.schemaVersion
      || Self.versionNumbers(meta.applianceVersion).lexicographicallyPrecedes(
        Self.versionNumbers(header.applianceVersion))
    {
      throw ApplianceError.validation(
        "the backup comes from appliance \(header.applianceVersion) (schema"
          + " \(header.schemaVersion)), newer than this instance's \(meta.applianceVersion)"
          + " (schema \(meta.schemaVersion)): upgrade this appliance first")
    }
  }

  /// `backup verify FILE [--secret FILE]`: every byte, and with a secret every encrypted field.
  /// Returns the header and the labels of the fields that do not open (empty without a secret).
  public func verifyBackup(
    _ url: URL, secret: MasterSecret?, progress: (any ProgressSink)? = nil,
    cancel: (any Cancellation)? = nil
  ) throws -> (header: BackupHeader, unreadable: [String]) {
    let report = { (label: String) -> (Int64, Int64) -> Void in
      { (done: Int64, total: Int64) -> Void in
        progress?.progress(Int(done), of: Int(total), label: label)
      }
    }
    let isCancelled = { cancel?.isCancelled ?? false }
    guard let secret else {
      return (
        try BackupArchive.verify(url, progress: report("verify"), isCancelled: isCancelled), []
      )
    }
    let scratch = directory.appendingPathComponent(".verify-\(getpid()).sqlite")
    Self.removeDatabaseFiles(scratch)
    defer { Self.removeDatabaseFiles(scratch) }
    // A throwaway file: left in the cache, it is usually deleted before any of it is written.
    let header = try BackupArchive.extract(
      url, to: scratch, durable: false, writes: .cached, progress: report("verify"),
      isCancelled: isCancelled)
    // Read without writing: switching the file to WAL would write its header and sync it whole.
    let fields = try StoreEngines.bodyFormat().inspect(at: scratch, counting: nil).sealed
    return (header, fields.filter { !secret.decrypt($0.sealed).isReadable }.map(\.label))
  }

  /// `backup upload FILE`: copies the archive into `uploads/`, checking every byte; refuses a
  /// newer version. Returns the header and the uploaded copy's location.
  public func uploadBackup(
    _ url: URL, progress: (any ProgressSink)? = nil, cancel: (any Cancellation)? = nil
  ) throws -> (header: BackupHeader, destination: URL) {
    try checkBackupVersion(try BackupArchive.readHeader(url))
    try PrivateFiles.makeDirectory(uploadsDirectory)
    let destination = uploadsDirectory.appendingPathComponent(url.lastPathComponent)
    let header = try BackupArchive.copyVerified(
      url, to: destination,
      progress: { done, total in progress?.progress(Int(done), of: Int(total), label: "upload") },
      isCancelled: { cancel?.isCancelled ?? false })
    let size =
      ((try? FileManager.default.attributesOfItem(atPath: destination.path))?[.size]
      as? NSNumber)?.int64Value ?? 0
    try store().recordUpload(
      fileName: destination.lastPathComponent, kind: "backup", size: size,
      sha256: Self.trailerDigest(destination))
    return (header, destination)
  }

  /// The backup `restore` uses when none is named: the last uploaded one.
  public func lastUploadedBackup() throws -> URL {
    if let name = try store().lastUpload(kind: "backup") {
      let url = uploadsDirectory.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    throw ApplianceError.usage("no uploaded backup: upload one with 'backup upload FILE'")
  }

  /// `backup delete FILE`.
  public func deleteBackup(_ url: URL) throws {
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw ApplianceError.failed("cannot delete \(url.path): \(error.localizedDescription)")
    }
  }

  /// The archive's own SHA-256 (the trailer's last 32 bytes), as hex.
  static func trailerDigest(_ url: URL) -> String {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd(), end >= 32 else { return "" }
    try? handle.seek(toOffset: end - 32)
    let bytes = (try? handle.readToEnd()) ?? Data()
    return bytes.map { String(format: "%02x", $0) }.joined()
  }

  static func versionNumbers(_ text: String) -> [Int] {
    let parts = text.split(separator: ".").map { Int($0) ?? 0 }
    return parts + Array(repeating: 0, count: max(0, 3 - parts.count))
  }

  static func fileTimestamp(_ date: Date) -> String {
    // 2026-11-30T04:46:47Z -> 20261130T044647Z: no colons in file names.
    ISOTime.string(date).filter { $0 != "-" && $0 != ":" }
  }

  /// Removes a scratch database and its journal files.
  static func removeDatabaseFiles(_ url: URL) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(url.path + suffix) }
  }
}
