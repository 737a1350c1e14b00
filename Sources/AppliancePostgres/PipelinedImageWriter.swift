import Appliance
import Foundation

/// Writes an archive image's pages on its own thread while the caller fetches the next page
/// from the server: the two halves of a snapshot overlap (at most two pages wait in memory).
final class PipelinedImageWriter: @unchecked Sendable {
  // `failure` is read and written on `queue` only.
  private let image: any ArchiveImageWriter
  private let queue = DispatchQueue(label: "trsh.snapshot.writer")
  private let slots = DispatchSemaphore(value: 2)
  private var failure: (any Error)?

  init(_ image: any ArchiveImageWriter) { self.image = image }

  func append(to table: String, columns: [String], rows: ArchiveRowBuffer) throws {
    if let failure = queue.sync(execute: { failure }) { throw failure }
    slots.wait()
    queue.async {
      defer { self.slots.signal() }
      guard self.failure == nil else { return }
      do { try self.image.append(to: table, columns: columns, rows: rows) } catch {
        self.failure = error
      }
    }
  }

  /// Waits for the pages in flight, then finishes the image.
  func finish() throws -> [String: Int] {
    try queue.sync {
      if let failure { throw failure }
      return try image.finish()
    }
  }
}
