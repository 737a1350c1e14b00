/// Where the instance reaches Overcast, as `overcast url show` reports it.
public struct OvercastSettings: Codable, Sendable, Equatable {
  /// Where the effective URL comes from.
  public enum Source: String, Codable, Sendable {
    case environment = "$TRSH_OVERCAST_URL"
    case instance
    case vendorDefault = "default"
  }

  /// The URL requests go to.
  public var url: String
  public var source: Source
  /// The URL stored in the instance (`overcast url set`), whatever overrides it.
  public var storedURL: String?
  /// The instance's copy of the extra CA bundle, nil when none is set.
  public var caBundle: String?
  public var connectTimeoutSeconds: Double
  public var readTimeoutSeconds: Double

  public init(
    url: String, source: Source, storedURL: String?, caBundle: String?,
    connectTimeoutSeconds: Double, readTimeoutSeconds: Double
  ) {
    self.url = url
    self.source = source
    self.storedURL = storedURL
    self.caBundle = caBundle
    self.connectTimeoutSeconds = connectTimeoutSeconds
    self.readTimeoutSeconds = readTimeoutSeconds
  }
}
