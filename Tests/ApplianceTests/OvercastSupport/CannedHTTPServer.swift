import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A plain-HTTP listener that answers every connection with one fixed response, for bodies overcastd never sends.
final class CannedHTTPServer: @unchecked Sendable {
  private let socket: LoopbackSocket
  var port: Int { socket.port }

  init(response: String) throws {
    socket = try LoopbackSocket(listening: true)
    let descriptor = socket.descriptor
    let bytes = Array(response.utf8)
    let thread = Thread {
      while true {
        let client = accept(descriptor, nil, nil)
        guard client >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var received: [UInt8] = []
        // Read up to the end of the request head; our client's bodies are small and come with it.
        while !received.containsHeadTerminator {
          let n = read(client, &buffer, buffer.count)
          if n <= 0 { break }
          received += buffer[0..<n]
        }
        _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
        _ = Glibc.close(client)
      }
    }
    thread.start()
  }

  /// Closing the listening socket makes the accept loop end.
  func stop() {
    shutdown(socket.descriptor, CInt(SHUT_RDWR))
    socket.close()
  }
}

extension [UInt8] {
  fileprivate var containsHeadTerminator: Bool {
    count >= 4 && (0...(count - 4)).contains { self[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
  }
}
