import Foundation
import TestSupport
import Testing

@testable import Commands
@testable import Shell

/// What `?` lists: next words, placeholders, and whether Enter would run the line.
@Suite(.engines) struct QuestionMarkTests {
  let completer = Completer(
    catalog: CommandCatalog(root: TrshCommand.self),
    providerContext: ProviderContext(
      instancePath: URL(fileURLWithPath: "/tmp/none"), environment: [:]),
    workingDirectory: "/tmp")

  func entries(_ line: String) -> [String] { completer.help(line).entries.map(\.value) }

  @Test func anOptionAwaitingItsValueShowsThePlaceholderAndTheValues() {
    let listing = completer.help("instance create X --version ")
    #expect(listing.entries.map(\.value) == ["<version>", "4.6", "5.x"])
    #expect(listing.entries.first?.help.contains("appliance version") == true)
    #expect(listing.verdict == .none)
    let text = HelpLister.render(listing)
    #expect(!text.contains("<Enter>"))
    // A free value: just the placeholder.
    #expect(entries("instance create X --sample-data ") == ["<sample-data>"])
    #expect(!HelpLister.render(completer.help("instance create X --seed ")).contains("<Enter>"))
  }

  @Test func aMissingRequiredArgumentIsIncomplete() {
    let listing = completer.help("instance create ")
    #expect(listing.entries.first?.value == "<directory>")
    #expect(listing.verdict == .incomplete("missing <directory>"))
    let text = HelpLister.render(listing)
    #expect(text.contains("% incomplete"))
    #expect(!text.contains("<Enter>"))
  }

  @Test func optionsAreListedWithoutADashTyped() {
    let listing = completer.help("instance create X ")
    let values = listing.entries.map(\.value)
    #expect(values.contains("--version"))
    #expect(values.contains("--sample-data"))
    #expect(values.contains("--hostname"))
    #expect(listing.verdict == .runnable)
    #expect(HelpLister.render(listing).contains("<Enter> to run the command"))
    // Options already given are not offered again.
    #expect(!entries("instance create X --seed 1 ").contains("--seed"))
    #expect(entries("show version ") == ["--help", "--json"])
    #expect(completer.help("show version ").verdict == .runnable)
  }

  @Test func unknownWordsAreNamed() {
    #expect(completer.help("bogus ").verdict == .unknownWord("bogus"))
    #expect(completer.help("show bogus ").verdict == .unknownWord("bogus"))
    #expect(completer.help("show version extra ").verdict == .unknownWord("extra"))
    #expect(completer.help("show version --bogus ").verdict == .unknownWord("--bogus"))
    #expect(completer.help("show version ext").verdict == .unknownWord("ext"))
    let text = HelpLister.render(completer.help("show version --bogus "))
    #expect(text.contains("% unknown word '--bogus'"))
    #expect(!text.contains("<Enter>"))
  }

  @Test func ambiguousAndIncompleteCommandWords() {
    if case .ambiguous(let word, let names) = completer.help("s ").verdict {
      #expect(word == "s")
      #expect(names.contains("show"))
    } else {
      Issue.record("expected an ambiguous word")
    }
    let show = completer.help("show ")
    #expect(show.entries.map(\.value).contains("version"))
    #expect(show.verdict == .incomplete("'show' needs a subcommand"))
    #expect(completer.help("").verdict == .none)
  }

  @Test func aPartialWordListsWhatCompletesIt() {
    #expect(entries("instance create X --ver") == ["--version"])
    #expect(entries("instance create X --version 5") == ["5.x"])
    #expect(completer.help("instance create X --version 9").verdict == .noMatch("9"))
    // A free value being typed is fine.
    #expect(entries("instance create X --hostname ne") == ["<hostname>"])
    #expect(completer.help("zz").verdict == .noMatch("zz"))
  }

  @Test func aGroupWithADefaultSubcommandExpectsItsArguments() {
    let listing = completer.help("restore ")
    #expect(listing.entries.map(\.value).contains("status"))
    #expect(listing.entries.map(\.value).contains("--no-validate-encryption"))
  }
}
