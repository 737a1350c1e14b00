/// What `settings copy` will do: the diff against this instance's 5.x settings, and the writes behind it.
///
/// The writes hold opened secrets in memory only; they are not encoded, so `--json` and the
/// audit log never see them.
public struct SettingsCopyPlan: Codable, Sendable, Equatable {
  /// Where the old settings came from.
  public var origin: String
  /// The old sections copied, in console order.
  public var sections: [String]
  /// Things the admin should know (sections added because LDAP authentication needs both).
  public var notes: [String]
  /// One entry per old field.
  public var entries: [SettingsDiffEntry]
  /// The values to write (added and changed fields), plain text, sealed on apply if sensitive.
  public internal(set) var writes: [SettingDraft]

  /// Entries of one kind.
  public func entries(_ change: SettingsDiffEntry.Change) -> [SettingsDiffEntry] {
    entries.filter { $0.change == change }
  }

  /// Whether applying the plan changes anything.
  public var hasChanges: Bool { !writes.isEmpty }

  enum CodingKeys: String, CodingKey {
    case origin, sections, notes, entries
  }

  init(
    origin: String, sections: [String], notes: [String], entries: [SettingsDiffEntry],
    writes: [SettingDraft]
  ) {
    self.origin = origin
    self.sections = sections
    self.notes = notes
    self.entries = entries
    self.writes = writes
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    origin = try c.decode(String.self, forKey: .origin)
    sections = try c.decode([String].self, forKey: .sections)
    notes = try c.decode([String].self, forKey: .notes)
    entries = try c.decode([SettingsDiffEntry].self, forKey: .entries)
    writes = []
  }
}
