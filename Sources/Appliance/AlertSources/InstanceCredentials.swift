import Foundation

/// Re-entering alert source credentials, e.g. after a restore without encryption validation.
extension Instance {
  /// Seals `secret` (with `principal`, else the principal the current credentials name when
  /// they still open) under this instance's Master Secret as the source's credentials, and
  /// clears the source's unreadable mark. The secret is never returned, logged or kept.
  public func reenterAlertSourceCredentials(
    named name: String, principal: String?, secret value: String
  ) throws -> CredentialsReentry {
    guard !value.isEmpty else {
      throw ApplianceError.usage("the credential for alert source '\(name)' is empty")
    }
    let store = try store()
    let exact = try AlertSourceName.match(name, in: try store.alertSourceNames())
    let masterSecret = try secret()
    var fields = ["secret": value]
    if let principal, !principal.isEmpty {
      fields["principal"] = principal
    } else if let current = try store.alertSource(named: exact)?.sealedCredentials,
      let text = masterSecret.decrypt(current).text,
      let old = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)),
      let kept = old["principal"]
    {
      fields["principal"] = kept
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(fields), as: UTF8.self)
    return try store.replaceAlertSourceCredentials(name: exact, sealed: masterSecret.encrypt(json))
  }

  /// Clears the unreadable marks a new value of the sensitive setting `path` answers: its own,
  /// and those of the 4.x settings that `settings copy` maps onto it (they cannot be carried).
  @discardableResult
  func clearUnreadableMarks(forSetting path: SettingPath) throws -> [String] {
    let own = SealedField(kind: .setting, name: path.description, sealed: Data()).label
    let legacyPrefix = SealedField(kind: .legacySetting, name: "", sealed: Data()).label
    return try store().clearUnreadableMarks { mark in
      if mark == own { return true }
      guard mark.hasPrefix(legacyPrefix),
        let old = try? SettingPath(parsing: String(mark.dropFirst(legacyPrefix.count))),
        let section = SettingsMapping.section(old: old.section),
        let newKey = section.field(for: old.key)?.newKey
      else { return false }
      return SettingPath(section.new, newKey) == path
    }
  }

  /// Clears the licensing proxy password's unreadable mark (it was replaced or removed).
  @discardableResult
  func clearProxyPasswordMark() throws -> [String] {
    let label = SealedField(kind: .proxyPassword, name: "licensing proxy", sealed: Data()).label
    return try store().clearUnreadableMarks { $0 == label }
  }
}
