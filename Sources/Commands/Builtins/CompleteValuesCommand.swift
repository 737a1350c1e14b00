import ArgumentParser

/// `complete-values NAME [PREFIX]`: prints a value provider's values, for shell completion scripts.
public struct CompleteValuesCommand: ReadOnlyCommand {
  public static let configuration = CommandConfiguration(
    commandName: "complete-values",
    abstract: "Print the completion values of a provider (used by completion scripts).",
    shouldDisplay: false
  ).inShell

  @Argument(help: "The provider's name.")
  var provider: String

  @Argument(help: "Only values starting with this.")
  var prefix: String = ""

  @OptionGroup public var output: OutputOptions

  public init() {}

  public func execute(in context: CommandContext) throws -> any CommandResult {
    let where_ = ProviderContext(
      instancePath: context.instancePath, environment: context.environment)
    guard let values = ValueProviders.shared.values(provider, where_) else {
      throw ValidationError(
        "no value provider named '\(provider)' (known: \(ValueProviders.shared.names.joined(separator: ", ")))"
      )
    }
    return ValueList(values: values.filter { $0.hasPrefix(prefix) })
  }
}

/// A plain list of values, one per line.
public struct ValueList: CommandResult {
  public var values: [String]
  public var text: String { values.joined(separator: "\n") }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(values)
  }
}
