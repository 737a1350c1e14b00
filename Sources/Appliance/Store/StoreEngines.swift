import Foundation

/// The engines linked into this program and the archive body format, registered once at
/// start (`trsh`'s entry point, test fixtures): the domain never names an engine.
public enum StoreEngines {
  private final class Registry: @unchecked Sendable {
    // Written at start, read afterwards; `lock` guards both.
    let lock = NSLock()
    var engines: [any StoreEngine] = []
    var body: (any ArchiveBodyFormat)?
  }
  private static let registry = Registry()

  /// Adds an engine (the first one registered is the default for new instances) and, when
  /// given, the archive body format. Registering an engine of the same name again replaces it.
  public static func register(_ engine: any StoreEngine, body: (any ArchiveBodyFormat)? = nil) {
    registry.lock.withLock {
      if let index = registry.engines.firstIndex(where: { $0.name == engine.name }) {
        registry.engines[index] = engine
      } else {
        registry.engines.append(engine)
      }
      if let body { registry.body = body }
    }
  }

  /// Every registered engine, the default first.
  public static var all: [any StoreEngine] { registry.lock.withLock { registry.engines } }

  /// The engine new instances get unless told otherwise.
  public static func defaultEngine() throws -> any StoreEngine {
    guard let engine = all.first else { throw notLinked }
    return engine
  }

  /// The engine called `name` (nil: the default); an unknown name is a usage error listing them.
  public static func engine(named name: String?) throws -> any StoreEngine {
    guard let name else { return try defaultEngine() }
    let engines = all
    if let engine = engines.first(where: { $0.name == name.lowercased() }) { return engine }
    if ["postgres", "pg"].contains(name.lowercased()),
      let engine = engines.first(where: { $0.name == "postgresql" })
    {
      return engine
    }
    throw ApplianceError.usage(
      "unknown database engine '\(name)': choose "
        + engines.map(\.name).joined(separator: " or "))
  }

  /// The engine whose database `directory` holds, if any.
  public static func engine(holding directory: URL) -> (any StoreEngine)? {
    all.first { $0.holdsDatabase(in: directory) }
  }

  /// The archive body format.
  public static func bodyFormat() throws -> any ArchiveBodyFormat {
    guard let body = registry.lock.withLock({ registry.body }) else { throw notLinked }
    return body
  }

  private static let notLinked = ApplianceError.failed(
    "no database engine is registered in this program (StoreEngines.register at start)")
}
