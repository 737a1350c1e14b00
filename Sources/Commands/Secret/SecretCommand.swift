import ArgumentParser

/// `secret ...`: export, show and upload the Master Secret.
public struct SecretCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "secret",
    abstract: "Export, show (fingerprint only) and upload the Master Secret.",
    subcommands: [SecretExportCommand.self, SecretShowCommand.self, SecretUploadCommand.self])

  public init() {}
}
