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
/// An argument names its provider with `completion: .provider("NAME")`; the REPL calls the
/// provider in-process, and the generated bash/zsh/fish scripts call `trsh complete-values NAME`.
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

  /// The provider named by a completion kind made with `.provider(_:)`, if it is one.
  public static func providerName(inShellCommand command: String) -> String? {
    let prefix = CompletionKind.providerCommandPrefix
    guard command.hasPrefix(prefix) else { return nil }
    return String(command.dropFirst(prefix.count))
  }
}

extension CompletionKind {
  static let providerCommandPrefix = "trsh complete-values "

  /// Values come from the named provider, in the REPL and in bash/zsh/fish alike.
  public static func provider(_ name: String) -> CompletionKind {
    .shellCommand(providerCommandPrefix + name)
  }
}
