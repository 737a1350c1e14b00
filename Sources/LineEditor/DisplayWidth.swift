import CEditLine

/// How many terminal columns text takes as libedit draws it.
public enum DisplayWidth {
  /// Columns of `text`: wide characters count two, control characters two (`^A`).
  public static func of(_ text: String) -> Int {
    var columns = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || value == 0x7F {
        columns += 2
      } else {
        columns += max(0, Int(trsh_wcwidth(wchar_t(bitPattern: value))))
      }
    }
    return columns
  }
}
