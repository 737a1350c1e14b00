import ArgumentParser

/// The root of the command model: the `trsh` program, its options and every command.
public struct TrshCommand: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "trsh",
    abstract: "The admin shell of a Threat Response appliance.",
    discussion: """
      Without a command, trsh reads commands: interactively with line editing when stdin \
      and stdout are terminals, otherwise one per line from stdin. With a command, it runs \
      that one command and exits.
      """,
    // No `version:` here: argument-parser would then give every subcommand a `--version` flag
    // that only the root accepts (and `instance create` has its own `--version`).
    subcommands: CommandRegistry.topLevel
  )

  @Option(
    name: .long,
    help: "The instance directory (default $TRSH_INSTANCE, else $XDG_DATA_HOME/trsh/default).",
    completion: .directory)
  public var instance: String?

  @Option(
    name: .customShort("f"),
    help: ArgumentHelp("Run the commands in FILE, then exit.", valueName: "file"),
    completion: .file())
  public var file: String?

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run the commands in the string (separated by ';' or newlines), then exit.",
      valueName: "commands"))
  public var commands: String?

  @Flag(name: .long, help: "In batch mode, go on after a failing command.")
  public var keepGoing = false

  @Flag(name: [.customLong("yes"), .customShort("y")], help: "Answer yes to every confirmation.")
  public var yes = false

  @Flag(name: .long, help: "Print results and errors as JSON.")
  public var json = false

  @Flag(name: .customLong("version"), help: "Show the version.")
  public var showVersion = false

  public init() {}
}
