import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks a proxy once more for a CONNECT, only to learn its status code after AsyncHTTPClient
/// reported a bare "invalid proxy response".
///
/// AsyncHTTPClient keeps the status to itself, yet admins need it: tinyproxy, for one, answers
/// wrong credentials with 401 rather than 407, and 403 (not allowed) and 502/503 (cannot reach
/// the target) call for different fixes. Runs only after a failure, through the same proxy.
enum ProxyConnectProbe {
  /// The status code of the proxy's answer to `CONNECT target`, or nil if none could be read.
  static func status(proxy: OvercastProxy, target: String, timeout: Duration) -> Int? {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = CInt(SOCK_STREAM.rawValue)
    #else
      hints.ai_socktype = SOCK_STREAM
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(proxy.host, String(proxy.port), &hints, &list) == 0, let first = list else {
      return nil
    }
    defer { freeaddrinfo(list) }

    let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
    guard fd >= 0 else { return nil }
    defer { _ = close(fd) }
    let (seconds, attoseconds) = timeout.components
    var limit = timeval(tv_sec: Int(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
    // On Linux the send timeout also bounds connect(2).
    _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else { return nil }

    var request = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
    if let username = proxy.username {
      let credentials = Data("\(username):\(proxy.password ?? "")".utf8).base64EncodedString()
      request += "Proxy-Authorization: Basic \(credentials)\r\n"
    }
    request += "\r\n"
    let bytes = Array(request.utf8)
    guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
      return nil
    }

    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 512)
    while !received.contains(UInt8(ascii: "\n")) && received.count < 4096 {
      let n = recv(fd, &buffer, buffer.count, 0)
      guard n > 0 else { break }
      received += buffer[0..<n]
    }
    // "HTTP/1.1 407 Proxy Authentication Required"
    let statusLine = String(
      decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") },
      as: UTF8.self)
    let fields = statusLine.split(separator: " ")
    guard fields.count >= 2, fields[0].hasPrefix("HTTP/"), let code = Int(fields[1]) else {
      return nil
    }
    return code
  }
}
