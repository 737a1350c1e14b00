/// What `?` shows at the cursor: the words that may come next, and what Enter would do now.
public struct HelpListing: Equatable, Sendable {
  /// What pressing Enter on the line as it stands would do.
  public enum Verdict: Equatable, Sendable {
    /// The command would run.
    case runnable
    /// Something required is missing (a subcommand, an argument, an option); says what.
    case incomplete(String)
    /// This word is nothing the command takes: Enter would fail on it.
    case unknownWord(String)
    /// This word abbreviates several commands.
    case ambiguous(String, [String])
    /// The partial word at the cursor matches nothing that may come here.
    case noMatch(String)
    /// Nothing to add to the entries (a partial word, a value being typed).
    case none
  }

  /// What may come next: words, `<placeholders>` for free values, each with one line of help.
  public var entries: [Candidate]
  public var verdict: Verdict

  public init(entries: [Candidate], verdict: Verdict) {
    self.entries = entries
    self.verdict = verdict
  }
}
