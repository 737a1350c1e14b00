import ArgumentParser

/// The top-level commands, in the order `help` lists them; add new groups here.
public enum CommandRegistry {
  /// Registers the dynamic completion value providers (once per process).
  public static func registerProviders() {
    AlertSourceCommand.registerProvider
    LicenseCommand.registerProvider
    BackupCommand.registerProvider
    SettingsCommand.registerProviders
  }

  public static let topLevel: [any ParsableCommand.Type] = [
    ShowCommand.self,
    InstanceCommand.self,
    AlertSourceCommand.self,
    BackupCommand.self,
    SecretCommand.self,
    RestoreCommand.self,
    LicenseCommand.self,
    PingCommand.self,
    OvercastCommand.self,
    UpgradeCommand.self,
    SettingsCommand.self,
    ClusterCommand.self,
    HelpCommand.self,
    FindCommand.self,
    HistoryCommand.self,
    EchoCommand.self,
    ExitCommand.self,
    QuitCommand.self,
    CompleteValuesCommand.self,
  ]
}
