import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who and where we run: the machine's host name and the invoking user, read without DNS look-ups.
public enum SystemIdentity {
  /// The machine's host name from `gethostname` (ProcessInfo.hostName may block on DNS).
  public static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }

  /// The user for the audit log: `$USER`, else the password database entry of the real uid.
  public static func userName(environment: [String: String]) -> String {
    if let user = environment["USER"], !user.isEmpty { return user }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "uid-\(getuid())"
  }
}
