import Foundation

/// Fast ISO-8601 UTC formatting (`2024-03-01T12:00:00Z`) for timestamps stored as text.
///
/// Sample data formats millions of timestamps; Foundation's formatters are far too slow for that.
public enum ISOTime {
  /// Formats seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
  public static func string(epochSeconds: Int64) -> String {
    let days = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400
    let secs = Int(epochSeconds - days * 86400)
    let (y, m, d) = civil(days: days)
    var bytes = [UInt8](repeating: 0, count: 20)
    put(&bytes, 0, Int(y), 4)
    bytes[4] = 45  // -
    put(&bytes, 5, m, 2)
    bytes[7] = 45
    put(&bytes, 8, d, 2)
    bytes[10] = 84  // T
    put(&bytes, 11, secs / 3600, 2)
    bytes[13] = 58  // :
    put(&bytes, 14, secs / 60 % 60, 2)
    bytes[16] = 58
    put(&bytes, 17, secs % 60, 2)
    bytes[19] = 90  // Z
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The current time, formatted.
  public static func now() -> String {
    string(epochSeconds: Int64(Date().timeIntervalSince1970))
  }

  /// Formats a date.
  public static func string(_ date: Date) -> String {
    string(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
  }

  /// Formats a date with milliseconds: `YYYY-MM-DDTHH:MM:SS.mmmZ` (the audit log's stamps).
  ///
  /// Written into one buffer: the audit log stamps every command of a runbook.
  public static func millisecondString(_ date: Date) -> String {
    let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
    let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    let secs = Int(seconds - days * 86400)
    let (y, m, d) = civil(days: days)
    let fraction = Int(millis - seconds * 1000)
    return String(unsafeUninitializedCapacity: 24) { buffer in
      func put(_ at: Int, _ value: Int, _ width: Int) {
        var v = value
        for i in stride(from: at + width - 1, through: at, by: -1) {
          buffer[i] = UInt8(48 + v % 10)
          v /= 10
        }
      }
      put(0, Int(y), 4)
      buffer[4] = UInt8(ascii: "-")
      put(5, m, 2)
      buffer[7] = UInt8(ascii: "-")
      put(8, d, 2)
      buffer[10] = UInt8(ascii: "T")
      put(11, secs / 3600, 2)
      buffer[13] = UInt8(ascii: ":")
      put(14, secs / 60 % 60, 2)
      buffer[16] = UInt8(ascii: ":")
      put(17, secs % 60, 2)
      buffer[19] = UInt8(ascii: ".")
      put(20, fraction, 3)
      buffer[23] = UInt8(ascii: "Z")
      return 24
    }
  }

  /// Parses the exact format `string` produces.
  public static func parse(_ text: String) -> Date? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[19] == 90,
      let y = num(b, 0, 4), let m = num(b, 5, 2), let d = num(b, 8, 2),
      let hh = num(b, 11, 2), let mm = num(b, 14, 2), let ss = num(b, 17, 2)
    else { return nil }
    let days = daysFromCivil(Int64(y), m, d)
    return Date(timeIntervalSince1970: TimeInterval(days * 86400 + Int64(hh * 3600 + mm * 60 + ss)))
  }

  // Howard Hinnant's civil-from-days algorithm (proleptic Gregorian).
  static func civil(days z0: Int64) -> (Int64, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = Int(doy - (153 * mp + 2) / 5 + 1)
    let m = Int(mp < 10 ? mp + 3 : mp - 9)
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  static func daysFromCivil(_ y0: Int64, _ m: Int, _ d: Int) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = Int64(m > 2 ? m - 3 : m + 9)
    let doy = (153 * mp + 2) / 5 + Int64(d) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  private static func put(_ bytes: inout [UInt8], _ at: Int, _ value: Int, _ width: Int) {
    var v = value
    for i in stride(from: at + width - 1, through: at, by: -1) {
      bytes[i] = UInt8(48 + v % 10)
      v /= 10
    }
  }

  private static func num(_ b: [UInt8], _ at: Int, _ width: Int) -> Int? {
    var v = 0
    for i in at..<at + width {
      guard b[i] >= 48, b[i] <= 57 else { return nil }
      v = v * 10 + Int(b[i] - 48)
    }
    return v
  }
}
