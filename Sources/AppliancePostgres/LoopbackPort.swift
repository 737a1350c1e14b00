import Appliance
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP port on 127.0.0.1 nothing listens on now: the kernel picks it, we release it.
enum LoopbackPort {
  static func free() throws -> Int {
    let fd = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    guard bound else { throw failure() }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func failure() -> ApplianceError {
    ApplianceError.failed(
      "cannot pick a loopback port for the database server: \(String(cString: strerror(errno)))")
  }
}
