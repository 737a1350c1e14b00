import Foundation

/// The licences this server knows, and which instance each one is bound to.
///
/// Bindings made by validation live in memory only: a restart forgets them,
/// which is what a lab or a test wants.
actor LicenseCatalog {
  private var entries: [String: CatalogEntry] = [:]

  init(contentsOf url: URL) throws {
    let data = try Data(contentsOf: url)
    let file: CatalogFile
    do {
      file = try JSONDecoder().decode(CatalogFile.self, from: data)
    } catch {
      throw CatalogError("\(url.path): not a licence catalogue (\(error))")
    }
    for entry in file.licenses {
      guard Self.isDate(entry.expires) else {
        throw CatalogError(
          "\(url.path): key \(entry.key): expires must be YYYY-MM-DD, not '\(entry.expires)'")
      }
      entries[Self.normalized(entry.key)] = entry
    }
  }

  /// Validates each key for an instance, binding valid unbound keys to it.
  func validate(keys: [String], instanceID: String, today: String = LicenseCatalog.today())
    -> [ValidationResult]
  {
    keys.map { key in
      let id = Self.normalized(key)
      guard var entry = entries[id] else { return .invalid(key, reason: "unknown") }
      if entry.revoked == true { return .invalid(key, reason: "revoked") }
      // ISO dates compare correctly as strings; the expiry day itself is still valid.
      if entry.expires < today { return .invalid(key, reason: "expired") }
      if let owner = entry.boundTo, owner != instanceID {
        return .invalid(key, reason: "bound to another instance")
      }
      if entry.boundTo == nil {
        entry.boundTo = instanceID
        entries[id] = entry
      }
      return .valid(key, product: entry.product, expires: entry.expires)
    }
  }

  /// Keys match whatever their case and dashes, as admins type them both ways.
  static func normalized(_ key: String) -> String {
    key.uppercased().filter { $0 != "-" && $0 != " " }
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts.map(\.count) == [4, 2, 2]
      && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  static func today() -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
  }
}
