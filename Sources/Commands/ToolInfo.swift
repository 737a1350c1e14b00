/// The part of swift-argument-parser's JSON tool-info model (`ToolInfoV0`) the shell reads.
public struct ToolInfo: Decodable, Sendable {
  public var command: Command

  /// A command in the tool-info model.
  public struct Command: Decodable, Sendable {
    public var commandName: String
    public var abstract: String?
    public var subcommands: [Command]?
    public var arguments: [Argument]?
  }

  /// An argument, option or flag in the tool-info model.
  public struct Argument: Decodable, Sendable {
    /// Positional, option (takes a value) or flag.
    public enum Kind: String, Decodable, Sendable {
      case positional, option, flag
    }

    /// One spelling of an option's name.
    public struct Name: Decodable, Sendable {
      public var kind: String
      public var name: String

      /// The spelling as typed: `--output`, `-o`.
      public var spelled: String {
        switch kind {
        case "long": return "--" + name
        case "short": return "-" + name
        default: return "-" + name
        }
      }
    }

    /// How values of this argument are completed.
    public enum Completion: Decodable, Sendable, Equatable {
      case list(values: [String])
      case file(extensions: [String])
      case directory
      case shellCommand(command: String)
      case custom
      case customAsync
      case customDeprecated
    }

    public var kind: Kind
    public var shouldDisplay: Bool
    public var isOptional: Bool
    public var isRepeating: Bool
    public var names: [Name]?
    public var preferredName: Name?
    public var valueName: String?
    public var defaultValue: String?
    public var allValues: [String]?
    public var allValueStrings: [String]?
    public var allValueDescriptions: [String: String]?
    public var completionKind: Completion?
    public var abstract: String?

    /// Every spelling of the option, long first.
    public var spellings: [String] {
      (names ?? []).sorted { $0.kind == "long" && $1.kind != "long" }.map(\.spelled)
    }

    /// The values this argument may take, when they are a fixed list.
    public var fixedValues: [String]? {
      if case .list(let values)? = completionKind { return values }
      return allValueStrings ?? allValues
    }
  }
}
