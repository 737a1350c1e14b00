import Appliance

/// The process's own options (before any command words), parsed by hand so start-up stays fast.
///
/// They mirror `TrshCommand`'s options; a test keeps the two in step.
public struct LaunchOptions: Equatable {
  public var instance: String?
  public var file: String?
  public var commands: String?
  public var keepGoing = false
  public var yes = false
  public var json = false
  public var showVersion = false
  public var showHelp = false
  /// The one-shot command words, when any.
  public var commandWords: [String] = []

  /// The option spellings this parser knows (for the consistency test).
  public static let spellings: Set<String> = [
    "--instance", "-f", "-c", "--keep-going", "--yes", "-y", "--json", "--version", "--help", "-h",
  ]

  public init() {}

  /// Parses `arguments` (without the program name).
  public init(_ arguments: [String]) throws {
    var i = 0
    func value(_ name: String) throws -> String {
      i += 1
      guard i < arguments.count else { throw ApplianceError.usage("\(name) needs a value") }
      return arguments[i]
    }
    while i < arguments.count {
      var arg = arguments[i]
      var inline: String?
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        inline = String(arg[arg.index(after: eq)...])
        arg = String(arg[..<eq])
      }
      func take(_ name: String) throws -> String {
        if let inline { return inline }
        return try value(name)
      }
      switch arg {
      case "--instance": instance = try take(arg)
      case "-f": file = try take(arg)
      case "-c": commands = try take(arg)
      case "--keep-going": keepGoing = true
      case "--yes", "-y": yes = true
      case "--json": json = true
      case "--version": showVersion = true
      case "--help", "-h": showHelp = true
      case "--":
        commandWords = Array(arguments[(i + 1)...])
        return
      default:
        if arg.hasPrefix("-") && arg.count > 1 {
          throw ApplianceError.usage("unknown option '\(arg)'; see 'trsh --help'")
        }
        commandWords = Array(arguments[i...])
        return
      }
      i += 1
    }
  }
}
