/// Decoded bytes nobody keeps (`backup verify`, `backup upload`): one buffer, reused.
final class DiscardedOutput: DecodedOutput {
  private let buffer: UnsafeMutableRawBufferPointer

  init(bufferSize: Int = BackupFormat.ioBufferSize) {
    buffer = .allocate(byteCount: bufferSize, alignment: 64)
  }

  deinit { buffer.deallocate() }

  func emptyBuffer() -> UnsafeMutableRawBufferPointer { buffer }

  func deliver(_ bytes: UnsafeRawBufferPointer) {}
}
