import Foundation

/// Licences, the licensing proxy and the Overcast settings of an instance.
extension Instance {
  static let overcastURLKey = "overcast_url"
  static let overcastCAKey = "overcast_ca_bundle"
  static let overcastConnectTimeoutKey = "overcast_connect_timeout"
  static let overcastReadTimeoutKey = "overcast_read_timeout"
  /// The environment variable that overrides the stored Overcast URL.
  public static let overcastURLVariable = "TRSH_OVERCAST_URL"

  /// Where `overcast ca set` copies the CA bundle, so the instance does not depend on the original file.
  public var overcastCAURL: URL { directory.appendingPathComponent("overcast-ca.pem") }

  // MARK: licences

  /// The licences, all or those in one state, ordered by key.
  public func licenses(in state: LicenseState? = nil) throws -> [License] {
    let all = try store().licenses()
    guard let state else { return all }
    return all.filter { $0.state == state }
  }

  /// Licence keys for completion; empty (never an error) when the instance cannot be read.
  public func licenseKeys() -> [String] {
    ((try? store().licenses()) ?? []).map(\.key.value)
  }

  /// Adds a key as Available; format and check character are verified before anything else.
  public func addLicense(_ text: String) throws -> License {
    let key = try LicenseKey(text)
    let store = try store()
    if let existing = try store.licenses().first(where: { $0.key == key }) {
      throw ApplianceError.failed(
        "licence \(key.masked) is already on this instance (\(existing.state.rawValue))")
    }
    let license = License(key: key, state: .available)
    try store.upsertLicense(license)
    return license
  }

  /// Removes a key; an unknown one is a usage error.
  public func removeLicense(_ text: String) throws -> LicenseKey {
    let key = try LicenseKey(text)
    guard try store().removeLicense(key) else {
      throw ApplianceError.usage("licence \(key.masked) is not on this instance")
    }
    return key
  }

  /// Asks Overcast about the given keys (or all Available ones) and records the verdicts.
  ///
  /// Every key is checked locally (format, check character, present here) before any request;
  /// a connectivity failure throws before anything is written, so no licence changes.
  /// Returns the licences as stored afterwards, in the order asked.
  public func validateLicenses(
    _ texts: [String], configuration: OvercastConfiguration, now: String = ISOTime.now()
  ) throws -> [License] {
    let parsed = try texts.map(LicenseKey.init)
    let store = try store()
    let held = try store.licenses()
    let keys: [LicenseKey]
    if parsed.isEmpty {
      keys = held.filter { $0.state == .available }.map(\.key)
    } else {
      let known = Set(held.map(\.key))
      for key in parsed where !known.contains(key) {
        throw ApplianceError.usage(
          "licence \(key.masked) is not on this instance: add it with 'license add' first")
      }
      var seen = Set<LicenseKey>()
      keys = parsed.filter { seen.insert($0).inserted }
    }
    guard !keys.isEmpty else { return [] }
    let meta = try store.meta()
    let client = try OvercastClient(configuration: configuration)
    defer { client.close() }
    let verdicts = try client.validate(
      keys: keys, instanceID: meta.instanceId, hostname: meta.hostname)
    let updated = verdicts.map { verdict in
      switch verdict.outcome {
      case .valid(let product, let expires):
        License(
          key: verdict.key, state: .installed, productName: product, expiresAt: expires,
          lastValidatedAt: now)
      case .invalid(let reason):
        License(key: verdict.key, state: .invalid, lastValidatedAt: now, reason: reason)
      }
    }
    try store.upsertLicenses(updated)
    return updated
  }

  // MARK: licensing proxy

  /// Stores the licensing proxy, its password sealed under the Master Secret.
  public func setLicensingProxy(_ proxy: OvercastProxy) throws {
    let sealed = try proxy.password.map { try secret().encrypt($0) }
    try store().setProxy(
      ProxySettings(
        host: proxy.host, port: proxy.port, username: proxy.username, sealedPassword: sealed))
    // The unreadable password (if a restore left one) is gone: replaced or dropped.
    try clearProxyPasswordMark()
  }

  /// The licensing proxy without its password, nil when none is set.
  public func licensingProxyInfo() throws -> LicensingProxyInfo? {
    guard let settings = try store().proxy() else { return nil }
    let readable = try settings.sealedPassword.map { try reveal($0) != .unreadable } ?? true
    return LicensingProxyInfo(
      host: settings.host, port: settings.port, username: settings.username,
      passwordSet: settings.sealedPassword != nil, passwordReadable: readable)
  }

  /// Removes the licensing proxy; false when none was set.
  @discardableResult
  public func clearLicensingProxy() throws -> Bool {
    let store = try store()
    guard try store.proxy() != nil else { return false }
    try store.setProxy(nil)
    try clearProxyPasswordMark()
    return true
  }

  /// The licensing proxy with its password opened, for licence validation only.
  public func licensingProxy() throws -> OvercastProxy? {
    guard let settings = try store().proxy() else { return nil }
    var password: String?
    if let sealed = settings.sealedPassword {
      guard case .plain(let text) = try reveal(sealed) else {
        throw ApplianceError.failed(
          "the licensing proxy password cannot be read with this Master Secret: set it again with 'license proxy set'"
        )
      }
      password = text
    }
    return OvercastProxy(
      host: settings.host, port: settings.port, username: settings.username, password: password)
  }

  // MARK: Overcast settings

  /// The effective Overcast settings: `$TRSH_OVERCAST_URL`, else the stored URL, else the vendor's.
  public func overcastSettings(environment: [String: String]) throws -> OvercastSettings {
    let store = try store()
    let stored = try store.metaValue(Self.overcastURLKey)
    let url: String
    let source: OvercastSettings.Source
    if let env = environment[Self.overcastURLVariable], !env.isEmpty {
      (url, source) = (env, .environment)
    } else if let stored {
      (url, source) = (stored, .instance)
    } else {
      (url, source) = (OvercastConfiguration.defaultBaseURL, .vendorDefault)
    }
    let ca = try store.metaValue(Self.overcastCAKey)
    let defaults = OvercastConfiguration()
    let connect =
      try store.metaValue(Self.overcastConnectTimeoutKey).flatMap(Double.init)
      ?? PingStatistics.milliseconds(defaults.connectTimeout) / 1000
    let read =
      try store.metaValue(Self.overcastReadTimeoutKey).flatMap(Double.init)
      ?? PingStatistics.milliseconds(defaults.readTimeout) / 1000
    return OvercastSettings(
      url: url, source: source, storedURL: stored, caBundle: ca, connectTimeoutSeconds: connect,
      readTimeoutSeconds: read)
  }

  /// A client configuration from the settings; `timeout` overrides both stored timeouts.
  public func overcastConfiguration(
    environment: [String: String], proxy: OvercastProxy? = nil, timeout: Duration? = nil
  ) throws -> OvercastConfiguration {
    let settings = try overcastSettings(environment: environment)
    return OvercastConfiguration(
      baseURL: settings.url, caBundlePath: settings.caBundle,
      connectTimeout: timeout ?? Self.duration(seconds: settings.connectTimeoutSeconds),
      readTimeout: timeout ?? Self.duration(seconds: settings.readTimeoutSeconds), proxy: proxy)
  }

  /// Stores the Overcast base URL (`https://HOST[:PORT]`, or `http://` for labs).
  public func setOvercastURL(_ url: String) throws {
    // The client's own check, so a URL accepted here is one it can use.
    let client = try OvercastClient(configuration: OvercastConfiguration(baseURL: url))
    client.close()
    try store().setMetaValue(Self.overcastURLKey, url)
  }

  /// Forgets the stored URL: the vendor's is used again.
  public func clearOvercastURL() throws {
    try store().setMetaValue(Self.overcastURLKey, nil)
  }

  /// Copies a PEM CA bundle into the instance and trusts it (in addition to the system roots).
  @discardableResult
  public func setOvercastCA(from path: String, cancel: (any Cancellation)? = nil) throws -> Int {
    // Read once: the file may be a pipe.
    let data = try InputFile.read(path, what: "the CA bundle", cancel: cancel)
    let certificates = try OvercastClient.parseCABundle(data, path: path)
    try PrivateFiles.write(data, to: overcastCAURL)
    try store().setMetaValue(Self.overcastCAKey, overcastCAURL.path)
    return certificates.count
  }

  /// Stops trusting the extra CA bundle; false when none was set.
  @discardableResult
  public func clearOvercastCA() throws -> Bool {
    let store = try store()
    guard try store.metaValue(Self.overcastCAKey) != nil else { return false }
    try store.setMetaValue(Self.overcastCAKey, nil)
    try? FileManager.default.removeItem(at: overcastCAURL)
    return true
  }

  /// Stores the connect and read timeouts (seconds, more than 0).
  public func setOvercastTimeouts(connect: Double?, read: Double?) throws {
    for value in [connect, read].compactMap({ $0 }) where !(value > 0 && value <= 3600) {
      throw ApplianceError.usage("a timeout must be more than 0 and at most 3600 seconds")
    }
    let store = try store()
    if let connect { try store.setMetaValue(Self.overcastConnectTimeoutKey, String(connect)) }
    if let read { try store.setMetaValue(Self.overcastReadTimeoutKey, String(read)) }
  }

  static func duration(seconds: Double) -> Duration {
    .nanoseconds(Int64((seconds * 1e9).rounded()))
  }
}
