extension AuditEntry {
  /// The entry as one compact JSON object with sorted keys, no trailing newline.
  ///
  /// Written by hand because a batch logs one entry per command: `JSONEncoder` cost more than
  /// most commands. The output is what `JSONEncoder` with `.sortedKeys` and
  /// `.withoutEscapingSlashes` writes (nil values omitted); a test checks both agree.
  public var jsonLine: String { String(decoding: jsonBytes(), as: UTF8.self) }

  /// `jsonLine` as UTF-8, optionally followed by a newline.
  func jsonBytes(newline: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(192 + command.utf8.count)
    out.append(contentsOf: #"{"command":"#.utf8)
    Self.appendQuoted(command, to: &out)
    out.append(contentsOf: #","durationMs":\#(durationMs),"exitCode":\#(exitCode),"origin":"#.utf8)
    Self.appendQuoted(origin, to: &out)
    if let stateAfter {
      out.append(contentsOf: #","stateAfter":"#.utf8)
      Self.appendQuoted(stateAfter, to: &out)
    }
    if let stateBefore {
      out.append(contentsOf: #","stateBefore":"#.utf8)
      Self.appendQuoted(stateBefore, to: &out)
    }
    out.append(contentsOf: #","time":"#.utf8)
    Self.appendQuoted(time, to: &out)
    out.append(contentsOf: #","user":"#.utf8)
    Self.appendQuoted(user, to: &out)
    out.append(UInt8(ascii: "}"))
    if newline { out.append(UInt8(ascii: "\n")) }
    return out
  }

  /// Appends `text` as a JSON string literal (RFC 8259 escapes; `/` left alone).
  ///
  /// Works on UTF-8 bytes: every byte that needs escaping is ASCII, and no byte of a
  /// multi-byte sequence is below 0x80. Runs of plain bytes are copied whole.
  static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in appendQuoted(bytes, to: &out) }
  }

  static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var plain = 0  // start of the bytes not yet copied
    for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<index]))
      plain = index + 1
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      default:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [
          0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
        ])
      }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
    out.append(UInt8(ascii: "\""))
  }

}
