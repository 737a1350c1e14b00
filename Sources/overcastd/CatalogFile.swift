/// The top level of a catalogue file: `{"licenses": [...]}`.
struct CatalogFile: Codable, Sendable {
  var licenses: [CatalogEntry]
}
