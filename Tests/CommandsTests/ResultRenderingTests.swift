import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite(.engines) struct ResultRenderingTests {
  func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func tableAlignsColumnsAndEncodesObjects() throws {
    let table = Table(
      columns: ["Name", "State"], rows: [["TAP", "enabled"], ["Smart Search", "off"]])
    #expect(table.text == "Name          State\nTAP           enabled\nSmart Search  off")
    #expect(
      try json(table)
        == #"[{"name":"TAP","state":"enabled"},{"name":"Smart Search","state":"off"}]"#)
    #expect(Table(columns: ["A"], rows: [], emptyText: "nothing").text == "nothing")
  }

  @Test func fieldsAlignLabels() throws {
    let fields = Fields([("host", "oldbox"), ("alert sources", "3")])
    #expect(fields.text == "host:          oldbox\nalert sources: 3")
    #expect(try json(fields) == #"{"alert_sources":"3","host":"oldbox"}"#)
  }

  @Test func messageAndNoOutput() throws {
    #expect(try json(Message("hi")) == #"{"message":"hi"}"#)
    #expect(NoOutput().text.isEmpty)
  }

  @Test func providersRegisterAndAnswer() {
    let providers = ValueProviders()
    providers.register("colours") { _ in ["red", "blue"] }
    let context = ProviderContext(
      instancePath: URL(fileURLWithPath: "/nonexistent"), environment: [:])
    #expect(providers.values("colours", context) == ["red", "blue"])
    #expect(providers.values("missing", context) == nil)
  }

  @Test func catalogueReadsTheModel() {
    let catalog = CommandCatalog(root: TrshCommand.self)
    let version = catalog.node(for: ["show", "version"])
    #expect(version?.path == ["show", "version"])
    #expect(version?.arguments.contains { $0.spellings.contains("--json") } == true)
    #expect(catalog.allNodes.contains { $0.path == ["alert-source", "enable"] })
    let enable = catalog.node(for: ["alert-source", "enable"])
    let names = enable?.arguments.first { $0.kind == .positional }
    // A custom completion: argument-parser hands it the words of the line being completed.
    #expect(names?.completionKind == .custom)
  }
}
