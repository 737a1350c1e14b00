/// How a typed alert-source name finds its source, the same in every engine.
public enum AlertSourceName {
  /// Exact name, else the one name equal ignoring case; otherwise a usage error listing the names.
  public static func match(_ name: String, in known: [String]) throws -> String {
    if known.contains(name) { return name }
    let folded = known.filter { $0.caseInsensitiveCompare(name) == .orderedSame }
    if folded.count == 1 { return folded[0] }
    let list =
      known.isEmpty ? "there are no alert sources" : "known: " + known.joined(separator: ", ")
    throw ApplianceError.usage("no alert source named '\(name)' (\(list))")
  }
}
