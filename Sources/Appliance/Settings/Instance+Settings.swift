import Foundation

extension Instance {
  /// The settings under `section` (all when nil), in this instance's own layout.
  public func settingEntries(under section: String? = nil) throws -> [SettingEntry] {
    let store = try store()
    let normalized = section.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    let rows = try store.settings(under: normalized)
    if let normalized, rows.isEmpty {
      let sections = try Set(store.settings(under: nil).map(\.section)).sorted()
      throw ApplianceError.usage(
        "no settings under '\(normalized)'; sections here: \(sections.joined(separator: ", "))")
    }
    let secret = rows.contains(where: \.isEncrypted) ? try self.secret() : nil
    return rows.map { row in
      if let sealed = row.sealedValue {
        return SettingEntry(
          section: row.section, key: row.key, value: nil, sensitive: true,
          readable: secret?.decrypt(sealed).isReadable ?? false)
      }
      return SettingEntry(
        section: row.section, key: row.key, value: row.value, sensitive: false, readable: true)
    }
  }

  /// This instance's 5.x settings with sensitive values opened (unreadable ones left out).
  func currentSettingValues() throws -> [SettingPath: String] {
    let rows = try store().settings(under: nil)
    let secret = rows.contains(where: \.isEncrypted) ? try self.secret() : nil
    var values: [SettingPath: String] = [:]
    for row in rows {
      let path = SettingPath(row.section, row.key)
      if let sealed = row.sealedValue {
        values[path] = secret?.decrypt(sealed).text
      } else {
        values[path] = row.value
      }
    }
    return values
  }

  /// Writes the settings export file of a legacy instance (secrets left out, marked for re-entry).
  @discardableResult
  public func exportSettings(to url: URL, force: Bool, now: Date = Date()) throws
    -> SettingsExportFile
  {
    let store = try store()
    guard store.generation == .legacy else {
      throw ApplianceError.refused(
        "settings export reads the 4.x layout and runs on the old appliance; on a 5.x instance"
          + " use 'settings show --json'")
    }
    if FileManager.default.fileExists(atPath: url.path) && !force {
      throw ApplianceError.usage("\(url.path) already exists: use --force to replace it")
    }
    let meta = try store.meta()
    let file = SettingsExportFile(
      source: .init(
        host: meta.hostname, applianceVersion: meta.applianceVersion, instanceId: meta.instanceId,
        exportedAt: ISOTime.string(now)),
      rows: try store.settings(under: nil))
    do {
      try file.encoded().write(to: url, options: .atomic)
    } catch {
      throw ApplianceError.failed("cannot write \(url.path): \(error.localizedDescription)")
    }
    return file
  }

  /// The plan of copying old-layout settings into this 5.x instance (nothing is written).
  public func planSettingsCopy(from legacy: LegacySettings, only: [String] = []) throws
    -> SettingsCopyPlan
  {
    try requireCurrent("settings copy")
    return try SettingsMapper.plan(from: legacy, only: only, current: currentSettingValues())
  }

  /// Applies a copy plan in one transaction: every write or none. Sensitive values are sealed
  /// under THIS instance's Master Secret.
  public func applySettingsCopy(_ plan: SettingsCopyPlan) throws {
    try requireCurrent("settings copy")
    // The mapper never plans it; checked again here because a written gateway can cut the appliance off.
    guard !plan.writes.contains(where: { SettingPath($0.section, $0.key) == .defaultGateway })
    else {
      throw ApplianceError.refused(
        "refusing to write \(SettingPath.defaultGateway): a settings copy never touches it")
    }
    let secret = plan.writes.contains(where: \.sensitive) ? try self.secret() : nil
    let rows = plan.writes.map { draft in
      draft.sensitive
        ? Setting(section: draft.section, key: draft.key, sealedValue: secret!.encrypt(draft.value))
        : Setting(section: draft.section, key: draft.key, value: draft.value)
    }
    try store().writeSettings(rows, deleting: [])
  }

  /// The spec a path's value must meet on this instance, or a usage error naming the path.
  public func settingSpec(for path: SettingPath) throws -> SettingsMapping.FieldSpec {
    let generation = try store().generation
    let spec =
      generation == .current
      ? SettingsMapping.currentSpec(for: path) : SettingsMapping.legacySpec(for: path)
    guard let spec else {
      let sections =
        generation == .current ? SettingsTree.currentSections : SettingsTree.legacySections
      let known = sections.contains(path.section)
      throw ApplianceError.usage(
        known
          ? "\(path): \(path.section) has no field '\(path.key)' on a \(generation.rawValue) appliance"
          : "\(path): '\(path.section)' is not a \(generation.rawValue) settings section")
    }
    return spec
  }

  /// Sets one setting after checking its value; the 5.x Default Gateway is refused.
  @discardableResult
  public func setSetting(_ path: SettingPath, to value: String) throws -> SettingEdit {
    try refuseDefaultGateway(path, verb: "set")
    let spec = try settingSpec(for: path)
    if let problem = spec.rule.problem(with: value) {
      throw ApplianceError.usage("\(path): \(problem)")
    }
    let before = try settingEntries(under: nil).first { $0.path == path.description }
    let row =
      spec.sensitive
      ? Setting(section: path.section, key: path.key, sealedValue: try secret().encrypt(value))
      : Setting(section: path.section, key: path.key, value: value)
    try store().writeSettings([row], deleting: [])
    // A sensitive value typed anew answers the restore's unreadable mark for it.
    if spec.sensitive { try clearUnreadableMarks(forSetting: path) }
    return SettingEdit(
      path: path.description, before: before?.shownValue,
      after: spec.sensitive ? SettingsMapper.secretShown : value)
  }

  /// Removes one setting; the 5.x Default Gateway is refused, an absent one is a usage error.
  @discardableResult
  public func unsetSetting(_ path: SettingPath) throws -> SettingEdit {
    try refuseDefaultGateway(path, verb: "unset")
    guard let before = try settingEntries(under: nil).first(where: { $0.path == path.description })
    else { throw ApplianceError.usage("\(path) is not set") }
    try store().writeSettings([], deleting: [path])
    return SettingEdit(path: path.description, before: before.shownValue, after: nil)
  }

  /// Whether a path holds a sensitive value on this instance (it must not be typed on a command line).
  public func isSensitiveSetting(_ path: SettingPath) throws -> Bool {
    (try? settingSpec(for: path))?.sensitive ?? false
  }

  private func refuseDefaultGateway(_ path: SettingPath, verb: String) throws {
    guard path == .defaultGateway, try store().generation == .current else { return }
    throw ApplianceError.refused(
      "\(path) is the appliance's Default Gateway: trsh never \(verb)s it (the vendor's upgrade"
        + " guide says not to touch it); change it on the console's Routing page if you must")
  }

  private func requireCurrent(_ command: String) throws {
    guard try store().generation == .current else {
      throw ApplianceError.refused(
        "\(command) writes the 5.x layout: run it on the new (5.x) appliance, not on this 4.x one")
    }
  }
}
