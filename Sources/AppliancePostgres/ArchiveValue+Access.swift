import Appliance
import Foundation

// Reading typed values out of PostgreSQL rows (carried as archive values).
extension ArchiveValue {
  var int: Int64 {
    switch self {
    case .integer(let v): return v
    case .real(let v): return Int64(v)
    case .text(let v): return Int64(v) ?? 0
    default: return 0
    }
  }
  var intOrNil: Int64? { self == .null ? nil : int }
  var real: Double {
    switch self {
    case .real(let v): return v
    case .integer(let v): return Double(v)
    case .text(let v): return Double(v) ?? 0
    default: return 0
    }
  }
  var string: String {
    switch self {
    case .text(let v): return v
    case .integer(let v): return String(v)
    case .real(let v): return String(v)
    case .blob(let v): return String(decoding: v, as: UTF8.self)
    case .null: return ""
    }
  }
  var stringOrNil: String? { self == .null ? nil : string }
  var data: Data? {
    switch self {
    case .blob(let v): return v
    case .text(let v): return Data(v.utf8)
    default: return nil
    }
  }
  var bool: Bool { int != 0 }

  static func text(_ value: String?) -> ArchiveValue { value.map { .text($0) } ?? .null }
  static func int(_ value: Int64?) -> ArchiveValue { value.map { .integer($0) } ?? .null }
  static func int(_ value: Int) -> ArchiveValue { .integer(Int64(value)) }
  static func bool(_ value: Bool) -> ArchiveValue { .integer(value ? 1 : 0) }
  static func bytes(_ value: Data?) -> ArchiveValue { value.map { .blob($0) } ?? .null }
}
