import Foundation

/// Turns old-layout settings into a copy plan against the current 5.x settings, following `SettingsMapping`.
///
/// Pure: it reads nothing and writes nothing, so a dry run and the real copy show the same diff.
public enum SettingsMapper {
  static let secretShown = "(secret)"

  /// The plan for copying `legacy` (limited to the old sections `only`, all when empty) onto `current`.
  ///
  /// `current` holds this instance's 5.x values, sensitive ones opened (an unreadable one is
  /// absent). Throws a usage error for an unknown or absent selected section, a failure when
  /// the old appliance authenticated against LDAP but its LDAP section is missing, and a
  /// validation error (listing every path and reason) when an old value is not valid in 5.x.
  public static func plan(
    from legacy: LegacySettings, only: [String] = [], current: [SettingPath: String]
  ) throws -> SettingsCopyPlan {
    var selected = try selectedSections(legacy, only: only)
    var notes: [String] = []
    try applyLDAPRule(legacy, selected: &selected, explicit: !only.isEmpty, notes: &notes)

    var entries: [SettingsDiffEntry] = []
    var writes: [SettingDraft] = []
    var problems: [String] = []
    var written: [SettingPath: String] = [:]
    for section in SettingsMapping.sections where selected.contains(section.old) {
      for key in (legacy.sections[section.old] ?? [:]).keys.sorted() {
        let oldPath = "\(section.old)/\(key)"
        guard let value = legacy.value(section.old, key) else { continue }
        guard let match = section.field(for: key), let newKey = match.newKey else {
          let reason: String
          if case .omitted(let why)? = section.field(for: key)?.field.destination {
            reason = why
          } else {
            reason = "not in the mapping table: \(section.new) has no such field"
          }
          entries.append(
            SettingsDiffEntry(
              change: .omitted, oldPath: oldPath, newPath: nil, current: nil,
              proposed: shown(value), reason: reason))
          continue
        }
        let field = match.field
        let path = SettingPath(section.new, newKey)
        let spec = SettingsMapping.currentSpec(for: path)
        let sensitive = spec?.sensitive ?? false
        let currentShown = current[path].map { sensitive ? secretShown : $0 }
        if case .leftAlone(_, let reason) = field.destination {
          entries.append(
            SettingsDiffEntry(
              change: .leftAlone, oldPath: oldPath, newPath: path.description,
              current: currentShown, proposed: shown(value), reason: reason))
          continue
        }
        let text: String
        switch value {
        case .plain(let t), .secret(let t): text = t
        case .mustReenter(let why):
          entries.append(
            SettingsDiffEntry(
              change: .mustReenter, oldPath: oldPath, newPath: path.description,
              current: currentShown, proposed: nil,
              reason: "\(why): re-enter it with 'settings set \(path)'"))
          continue
        }
        if let problem = spec?.rule.problem(with: text) {
          problems.append("\(oldPath) -> \(path): \(problem)")
          continue
        }
        // Two old fields landing on one new field would silently overwrite: the table forbids it.
        if let earlier = written[path] {
          problems.append("\(oldPath) -> \(path): already written by \(earlier)")
          continue
        }
        written[path] = oldPath
        let change: SettingsDiffEntry.Change =
          current[path] == nil ? .added : current[path] == text ? .unchanged : .changed
        entries.append(
          SettingsDiffEntry(
            change: change, oldPath: oldPath, newPath: path.description, current: currentShown,
            proposed: sensitive ? secretShown : text, reason: nil))
        if change != .unchanged {
          writes.append(SettingDraft(path.section, path.key, text, sensitive: sensitive))
        }
      }
    }
    // Sections the table does not know are listed field by field: nothing is dropped silently.
    let known = Set(SettingsMapping.sections.map(\.old))
    for section in selected.subtracting(known).sorted() {
      for (key, value) in (legacy.sections[section] ?? [:]).sorted(by: { $0.key < $1.key }) {
        entries.append(
          SettingsDiffEntry(
            change: .omitted, oldPath: "\(section)/\(key)", newPath: nil, current: nil,
            proposed: shown(value), reason: "\(section) is not in the mapping table"))
      }
    }
    if !problems.isEmpty {
      throw ApplianceError.validation(
        "the old settings hold values 5.x does not accept; nothing was copied:\n  "
          + problems.joined(separator: "\n  "))
    }
    let order = SettingsMapping.sections.map(\.old)
    return SettingsCopyPlan(
      origin: legacy.origin,
      sections: order.filter(selected.contains) + selected.subtracting(known).sorted(),
      notes: notes,
      entries: entries, writes: writes)
  }

  private static func shown(_ value: LegacySettings.Value) -> String? {
    switch value {
    case .plain(let text): text
    case .secret: secretShown
    case .mustReenter: nil
    }
  }

  /// The old sections to copy: those named (checked), or every mapped section the source has.
  static func selectedSections(_ legacy: LegacySettings, only: [String]) throws -> Set<String> {
    if only.isEmpty {
      let present = Set(legacy.sections.keys)
      guard !present.isEmpty else {
        throw ApplianceError.failed("the source holds no 4.x settings to copy")
      }
      return present
    }
    var result = Set<String>()
    for name in only {
      guard let section = SettingsMapping.section(old: name) else {
        throw ApplianceError.usage(
          "'\(name)' is not an old settings section; use one of: "
            + SettingsMapping.sections.map(\.old).joined(separator: ", "))
      }
      guard legacy.sections[section.old] != nil else {
        throw ApplianceError.usage("the source has no \(section.old) section")
      }
      result.insert(section.old)
    }
    return result
  }

  /// When the old appliance authenticated against LDAP, both the Authentication Order and the
  /// LDAP server settings must come across: one without the other locks admins out or does nothing.
  static func applyLDAPRule(
    _ legacy: LegacySettings, selected: inout Set<String>, explicit: Bool, notes: inout [String]
  ) throws {
    let aaa = "Setup/AAA"
    let ldap = "Setup/LDAP"
    guard case .plain(let order)? = legacy.value(aaa, "authentication_order"),
      usesLDAP(order), selected.contains(aaa) || selected.contains(ldap)
    else { return }
    let hasServer: Bool =
      if case .plain(let server)? = legacy.value(ldap, "server") {
        !server.trimmingCharacters(in: .whitespaces).isEmpty
      } else { false }
    guard legacy.sections[ldap] != nil, hasServer else {
      throw ApplianceError.failed(
        "the old appliance authenticated against LDAP (\(aaa)/authentication_order = \(order))"
          + " but the source has no \(ldap) section with a server: copying the Authentication"
          + " Order alone would lock LDAP users out; nothing was copied")
    }
    for section in [aaa, ldap] where !selected.contains(section) {
      selected.insert(section)
      if explicit {
        notes.append(
          "\(section) added: the old appliance authenticated against LDAP, so the LDAP server"
            + " settings and the Authentication Order are copied together")
      }
    }
  }

  static func usesLDAP(_ order: String) -> Bool {
    order.split(separator: ",").contains {
      $0.trimmingCharacters(in: .whitespaces).lowercased() == "ldap"
    }
  }
}
