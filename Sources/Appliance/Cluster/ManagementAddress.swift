/// An IPv4 address with its prefix length (`A.B.C.D/LEN`): the cluster's shared management IP.
public struct ManagementAddress: Codable, Sendable, Equatable, CustomStringConvertible {
  public let address: UInt32
  public let prefixLength: Int

  public init(address: UInt32, prefixLength: Int) {
    self.address = address
    self.prefixLength = prefixLength
  }

  /// Parses `A.B.C.D/LEN`; anything else is a usage error.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let address = Self.parseAddress(String(parts[0])),
      let length = Int(parts[1]), (1...32).contains(length)
    else {
      throw ApplianceError.usage(
        "--management-ip must look like A.B.C.D/LEN (e.g. 192.168.10.50/24), not '\(text)'")
    }
    self.init(address: address, prefixLength: length)
  }

  /// A dotted quad, or nil.
  public static func parseAddress(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return nil }
    var value: UInt32 = 0
    for octet in octets {
      guard let byte = UInt8(octet), String(byte) == octet else { return nil }
      value = value << 8 | UInt32(byte)
    }
    return value
  }

  /// The prefix length of a dotted netmask (`255.255.255.0` → 24), nil when not contiguous.
  public static func prefixLength(ofNetmask text: String) -> Int? {
    guard let mask = parseAddress(text) else { return nil }
    let length = mask.nonzeroBitCount
    return mask == Self.mask(length) ? length : nil
  }

  static func mask(_ length: Int) -> UInt32 {
    length == 0 ? 0 : UInt32.max << UInt32(32 - length)
  }

  public static func dotted(_ value: UInt32) -> String {
    [24, 16, 8, 0].map { String(value >> UInt32($0) & 0xff) }.joined(separator: ".")
  }

  /// Whether `other` lies in the subnet `network/prefixLength`.
  public static func sameSubnet(_ a: UInt32, _ b: UInt32, prefixLength: Int) -> Bool {
    a & mask(prefixLength) == b & mask(prefixLength)
  }

  public var description: String { "\(Self.dotted(address))/\(prefixLength)" }

  public init(from decoder: any Decoder) throws {
    try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
