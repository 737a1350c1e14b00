import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Raw TCP sockets on 127.0.0.1 for the failure cases: a closed port and a listener that never answers.
public final class LoopbackSocket: @unchecked Sendable {
  /// Why a socket could not be set up.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  public let descriptor: CInt
  public let port: Int

  /// Binds 127.0.0.1 on a free port; with `listening`, the kernel completes handshakes that nobody accepts.
  public init(listening: Bool) throws {
    let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Failure("socket: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      _ = Glibc.close(descriptor)
      throw Failure("bind: errno \(errno)")
    }
    if listening {
      guard listen(descriptor, 16) == 0 else {
        _ = Glibc.close(descriptor)
        throw Failure("listen: errno \(errno)")
      }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  public func close() {
    _ = Glibc.close(descriptor)
  }

  /// A port nothing listens on right now (bound then released).
  public static func freePort() throws -> Int {
    let socket = try LoopbackSocket(listening: false)
    defer { socket.close() }
    return socket.port
  }

  /// Whether something accepts TCP connections on 127.0.0.1:`port`.
  public static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { _ = Glibc.close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    } == 0
  }
}
