import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// `secret export|show|upload` and the service restart a secret upload causes.
extension Instance {
  /// How long services take to restart after a Master Secret upload.
  public static let serviceRestartSeconds = 3

  /// `secret export --output FILE`: writes the secret with mode 0600; refuses to overwrite an
  /// existing file unless `force`. Returns the fingerprint.
  public func exportSecret(to url: URL, force: Bool) throws -> String {
    if !force && FileManager.default.fileExists(atPath: url.path) {
      throw ApplianceError.usage("\(url.path) already exists: use --force to overwrite it")
    }
    let secret = try secret()
    try secret.write(to: url)
    return secret.fingerprint
  }

  /// `secret upload FILE`: re-encrypts this instance's own sealed fields under the uploaded
  /// secret in one transaction, installs the secret atomically and restarts the services;
  /// `record` (the workflow gate's recorder) hears `done` before the upload's journal is
  /// cleared. Fields that do not open under the current secret stay as they are (still
  /// unreadable). Returns the new fingerprint and how many fields were re-encrypted.
  ///
  /// Crash-safe: the new secret is staged beside the live one and a journal names both
  /// fingerprints before any field changes; the re-encryption's transaction records the new
  /// fingerprint in the database; only then is the staged secret renamed into place. A process
  /// that dies anywhere in between is finished or rolled back by the next one to open the
  /// instance (`recoverSecretUpload`), so fields are never left sealed under a secret that is
  /// not installed.
  public func uploadSecret(from url: URL, record: (WorkflowOutcome) throws -> Void = { _ in })
    throws -> (
      fingerprint: String, reencrypted: Int
    )
  {
    try uploadSecret(MasterSecret.load(from: url), record: record)
  }

  /// `secret upload FILE` with the file already read (a pipe can be read only once).
  public func uploadSecret(
    _ uploaded: MasterSecret, record: (WorkflowOutcome) throws -> Void = { _ in }
  ) throws -> (
    fingerprint: String, reencrypted: Int
  ) {
    guard let lock = try FileLock.tryAcquire(secretLockURL) else {
      throw ApplianceError.refused("another secret upload is running on this instance")
    }
    defer { lock.release() }
    if FileManager.default.fileExists(atPath: secretJournalURL.path) {
      try recoverSecretUpload(lockHeld: true)
    }
    let current = try secret()
    var count = 0
    if uploaded.fingerprint != current.fingerprint {
      try uploaded.write(to: stagedSecretURL)
      try SecretUploadJournal(
        oldFingerprint: current.fingerprint, newFingerprint: uploaded.fingerprint,
        startedAt: ISOTime.now()
      ).save(to: secretJournalURL)
      FaultInjection.reached("secret-upload.after-stage")
      do {
        count = try store().resealFields(sealedUnder: uploaded.fingerprint) { field in
          current.decrypt(field.sealed).text.map { uploaded.encrypt($0) }
        }
      } catch {
        // The transaction rolled back: nothing changed, so neither does the secret.
        unlink(stagedSecretURL.path)
        DurableFile.remove(secretJournalURL)
        throw error
      }
      FaultInjection.reached("secret-upload.after-reencrypt")
      try installStagedSecret(stagedSecretURL, secret: uploaded)
      FaultInjection.reached("secret-upload.after-install")
    } else {
      try installSecret(uploaded)
    }
    try restartServices(seconds: Self.serviceRestartSeconds)
    try record(.done)
    DurableFile.remove(secretJournalURL)
    return (uploaded.fingerprint, count)
  }

  /// Whether the services a secret upload restarted are still restarting.
  public func servicesRestarting(now: Date = Date()) throws -> Bool {
    try services(now: now).contains { $0.state == .restarting }
  }

  /// Waits until restarting services run again, calling `notice` once before waiting.
  /// Returns true when it had to wait.
  @discardableResult
  public func waitForServices(
    notice: (String) -> Void, cancel: (any Cancellation)? = nil
  ) throws -> Bool {
    guard try servicesRestarting() else { return false }
    notice("waiting for services to restart...")
    while try servicesRestarting() {
      try cancel?.check()
      usleep(100_000)
    }
    try store().setServicesRestartingUntil(nil)
    return true
  }
}
