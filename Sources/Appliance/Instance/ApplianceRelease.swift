/// An appliance version an instance can be created at: its release line (4.x legacy layout or
/// 5.x) and the exact version the admin asked for, which the instance records and shows.
public struct ApplianceRelease: Sendable, Equatable {
  public var generation: SchemaGeneration
  /// The version as recorded: `4.5`, `5.6`, `5.1.0` as typed; a bare line (`5`, `5.x`) is that
  /// line's reference release (`SchemaGeneration.applianceVersion`).
  public var version: String

  /// Supported minor releases of each line: 4.0–4.6 (legacy layout) and 5.0–5.6.
  public static let supportedMinors: [(major: Int, minors: ClosedRange<Int>)] = [
    (4, 0...6), (5, 0...6),
  ]

  /// What a refusal lists.
  public static let supportedText =
    "4.0 to 4.6 (legacy 4.x layout) and 5.0 to 5.6, optionally with a patch level (4.6.2);"
    + " 4.x and 5.x mean 4.6.2 and 5.1.0"

  public init(generation: SchemaGeneration) {
    self.generation = generation
    self.version = generation.applianceVersion
  }

  /// Parses what an admin types after `--version`; anything outside the supported releases
  /// is a usage error that lists them (never silently another version).
  public init(parsing text: String) throws {
    var trimmed = text.lowercased().trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("v") { trimmed.removeFirst() }
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let refusal = ApplianceError.usage(
      "unsupported appliance version '\(text)': supported are \(Self.supportedText)")
    guard let major = Int(parts[0]), parts[0].allSatisfy(\.isNumber),
      let line = Self.supportedMinors.first(where: { $0.major == major })
    else { throw refusal }
    let generation: SchemaGeneration = major == 4 ? .legacy : .current
    if parts.count == 1 || (parts.count == 2 && parts[1] == "x") {
      self.init(generation: generation)
      return
    }
    let numbers = parts.dropFirst().map { part in
      part.isEmpty || !part.allSatisfy(\.isNumber) ? nil : Int(part)
    }
    guard numbers.count <= 2, !numbers.contains(where: { $0 == nil }),
      let minor = numbers[0], line.minors.contains(minor)
    else { throw refusal }
    self.init(generation: generation)
    self.version = ([major] + numbers.compactMap { $0 }).map(String.init).joined(separator: ".")
  }
}
