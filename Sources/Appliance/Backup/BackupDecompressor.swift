import CZstd

/// Decompresses the body's zstd frame as its chunks arrive, straight into the buffers of a
/// `DecodedOutput`, and notices a frame that ends early, is followed by stray bytes, or decodes
/// to more than the header promised (before writing it anywhere).
final class BackupDecompressor {
  private let context: OpaquePointer
  private let limit: Int64
  /// The buffer being filled and how much of it is filled.
  private var current: UnsafeMutableRawBufferPointer?
  private var filled = 0
  /// Decoded bytes so far.
  private(set) var produced: Int64 = 0
  /// Set once the frame's end (and its checksum) has been decoded.
  private(set) var isFrameComplete = false

  /// `limit`: the body size the header records; decoding more is damage.
  init(limit: Int64) throws(ApplianceError) {
    guard let context = ZSTD_createDCtx() else {
      throw ApplianceError.failed("cannot allocate a zstd decompressor")
    }
    self.context = context
    self.limit = limit
    _ = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, BackupFormat.maxWindowLog)
  }

  deinit { ZSTD_freeDCtx(context) }

  /// Decodes `input` into `output`'s buffers, delivering each one as it fills and the last,
  /// partly filled one when the frame ends.
  func decompress(_ input: UnsafeRawBufferPointer, into output: any DecodedOutput)
    throws(ApplianceError)
  {
    guard input.count > 0 else { return }
    if isFrameComplete { throw Self.trailingData() }
    var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    while true {
      let buffer: UnsafeMutableRawBufferPointer
      if let current {
        buffer = current
      } else {
        buffer = try output.emptyBuffer()
        current = buffer
        filled = 0
      }
      var target = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: filled)
      let hint = ZSTD_decompressStream(context, &target, &source)
      if ZSTD_isError(hint) != 0 {
        throw ApplianceError.validation(
          "backup is damaged: its compressed body is corrupt (\(String(cString: ZSTD_getErrorName(hint))))"
        )
      }
      produced += Int64(target.pos - filled)
      filled = target.pos
      if produced > limit {
        throw ApplianceError.validation(
          "backup is damaged: its body holds more than the \(limit) bytes the header records")
      }
      if hint == 0 {
        isFrameComplete = true
        if filled > 0 { try hand(to: output) }
        if source.pos < source.size { throw Self.trailingData() }
        return
      }
      if filled == buffer.count { try hand(to: output) }
      // A full output buffer may hide more decoded bytes even when all input is consumed.
      if source.pos == source.size && target.pos < target.size { return }
    }
  }

  private func hand(to output: any DecodedOutput) throws(ApplianceError) {
    guard let buffer = current else { return }
    current = nil
    try output.deliver(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
    filled = 0
  }

  private static func trailingData() -> ApplianceError {
    .validation("backup is damaged: its body continues after the compressed data ends")
  }
}
