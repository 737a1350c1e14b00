import ArgumentParser

/// The top-level commands, in the order `help` lists them; add new groups here.
public enum CommandRegistry {
  public static let topLevel: [any ParsableCommand.Type] = [
    ShowCommand.self,
    HelpCommand.self,
    FindCommand.self,
    HistoryCommand.self,
    EchoCommand.self,
    ExitCommand.self,
    QuitCommand.self,
    CompleteValuesCommand.self,
  ]
}
