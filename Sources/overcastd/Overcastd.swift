import ArgumentParser

/// The `overcastd` command: an Overcast-compatible ping and licence service.
@main
struct Overcastd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overcastd",
    abstract: "An Overcast-compatible ping and licence validation service.",
    discussion: """
      Serves GET /v1/ping and POST /v1/licenses/validate from a licence catalogue file, \
      for labs, air-gapped sites and tests. See Sources/overcastd/README.md for the \
      catalogue format.
      """,
    subcommands: [ServeCommand.self, MakeCACommand.self],
    defaultSubcommand: ServeCommand.self
  )
}
