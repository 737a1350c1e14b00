extension AuditEntry {
  /// The entry as one compact JSON object with sorted keys, no trailing newline.
  ///
  /// Written by hand because a batch logs one entry per command: `JSONEncoder` cost more than
  /// most commands. The output is what `JSONEncoder` with `.sortedKeys` and
  /// `.withoutEscapingSlashes` writes (nil values omitted); a test checks both agree.
  public var jsonLine: String {
    var out = "{\"command\":"
    out.reserveCapacity(160 + command.utf8.count)
    Self.appendQuoted(command, to: &out)
    out += ",\"durationMs\":\(durationMs),\"exitCode\":\(exitCode),\"origin\":"
    Self.appendQuoted(origin, to: &out)
    if let stateAfter {
      out += ",\"stateAfter\":"
      Self.appendQuoted(stateAfter, to: &out)
    }
    if let stateBefore {
      out += ",\"stateBefore\":"
      Self.appendQuoted(stateBefore, to: &out)
    }
    out += ",\"time\":"
    Self.appendQuoted(time, to: &out)
    out += ",\"user\":"
    Self.appendQuoted(user, to: &out)
    out += "}"
    return out
  }

  /// Appends `text` as a JSON string literal (RFC 8259 escapes; `/` left alone).
  static func appendQuoted(_ text: String, to out: inout String) {
    out += "\""
    var plainStart = text.unicodeScalars.startIndex
    var index = plainStart
    let scalars = text.unicodeScalars
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let escape: String?
      switch scalar {
      case "\"": escape = "\\\""
      case "\\": escape = "\\\\"
      case "\n": escape = "\\n"
      case "\r": escape = "\\r"
      case "\t": escape = "\\t"
      case "\u{08}": escape = "\\b"
      case "\u{0C}": escape = "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          escape = nil
        }
      }
      if let escape {
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
        out += escape
        plainStart = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
    out += "\""
  }
}
