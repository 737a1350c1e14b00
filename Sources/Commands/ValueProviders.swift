import ArgumentParser
import Foundation
import Synchronization

/// Where a value provider looks for its values.
public struct ProviderContext: Sendable {
  public var instancePath: URL
  public var environment: [String: String]
  public init(instancePath: URL, environment: [String: String]) {
    self.instancePath = instancePath
    self.environment = environment
  }
}

/// Named sources of dynamic completion values (licence keys, alert sources, backup files).
///
/// An argument names its provider with `completion: .provider("NAME")`. bash, zsh and fish ask
/// for its values with `trsh ---completion ...` and the words of the line being completed, so an
/// `--instance DIR` typed there is the instance asked; the REPL asks the same way in-process
/// (`CompletionRequest`), with the session's instance. `trsh complete-values NAME` prints them too.
public final class ValueProviders: Sendable {
  /// A provider: every value it knows (the caller filters by prefix).
  public typealias Provider = @Sendable (ProviderContext) -> [String]

  /// The process-wide registry.
  public static let shared = ValueProviders()

  private let table = Mutex<[String: Provider]>([:])

  public init() {}

  /// Registers (or replaces) a provider.
  public func register(_ name: String, _ provider: @escaping Provider) {
    table.withLock { $0[name] = provider }
  }

  /// The values of a provider, or nil when none is registered under that name.
  public func values(_ name: String, _ context: ProviderContext) -> [String]? {
    guard let provider = table.withLock({ $0[name] }) else { return nil }
    return provider(context)
  }

  /// The registered names.
  public var names: [String] { table.withLock { $0.keys.sorted() } }
}

extension CompletionKind {
  /// Values come from the named provider, for the instance of the line being completed.
  ///
  /// argument-parser hands a custom completion the words of the line; the shells filter the
  /// values by the word at the cursor themselves (they know its quoting), the REPL likewise.
  public static func provider(_ name: String) -> CompletionKind {
    .custom { words, _, _ in
      let context = CompletionWords(words).providerContext(
        environment: ProcessInfo.processInfo.environment)
      return ValueProviders.shared.values(name, context) ?? []
    }
  }
}
