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
      throw ApplianceError.refused("\(url.path) already exists: use --force to overwrite it")
    }
    let secret = try secret()
    try secret.write(to: url)
    return secret.fingerprint
  }

  /// `secret upload FILE`: re-encrypts this instance's own sealed fields under the uploaded
  /// secret in one transaction, installs the secret atomically and restarts the services.
  /// Fields that do not open under the current secret stay as they are (still unreadable).
  /// Returns the new fingerprint and how many fields were re-encrypted.
  public func uploadSecret(from url: URL) throws -> (fingerprint: String, reencrypted: Int) {
    let uploaded = try MasterSecret.load(from: url)
    let current = try secret()
    var count = 0
    if uploaded.fingerprint != current.fingerprint {
      count = try sqliteStore().resealFields { field in
        current.decrypt(field.sealed).text.map { uploaded.encrypt($0) }
      }
    }
    try installSecret(uploaded)
    try restartServices(seconds: Self.serviceRestartSeconds)
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
