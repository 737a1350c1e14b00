import CZstd

/// Decompresses the body's zstd frame as its chunks arrive, and notices a frame that ends early
/// or is followed by stray bytes.
final class BackupDecompressor {
  private let context: OpaquePointer
  private let output: UnsafeMutableRawBufferPointer
  /// Set once the frame's end (and its checksum) has been decoded.
  private(set) var isFrameComplete = false

  init() throws(ApplianceError) {
    guard let context = ZSTD_createDCtx() else {
      throw ApplianceError.failed("cannot allocate a zstd decompressor")
    }
    self.context = context
    _ = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, BackupFormat.maxWindowLog)
    output = .allocate(byteCount: BackupFormat.ioBufferSize, alignment: 64)
  }

  deinit {
    ZSTD_freeDCtx(context)
    output.deallocate()
  }

  /// Decodes `input`, handing every run of decompressed bytes to `emit`.
  func decompress(
    _ input: UnsafeRawBufferPointer,
    _ emit: (UnsafeRawBufferPointer) throws(ApplianceError) -> Void
  ) throws(ApplianceError) {
    guard input.count > 0 else { return }
    if isFrameComplete {
      throw ApplianceError.validation(
        "backup is damaged: its body continues after the compressed data ends")
    }
    var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    while true {
      var target = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
      let hint = ZSTD_decompressStream(context, &target, &source)
      if ZSTD_isError(hint) != 0 {
        throw ApplianceError.validation(
          "backup is damaged: its compressed body is corrupt (\(String(cString: ZSTD_getErrorName(hint))))"
        )
      }
      if target.pos > 0 { try emit(UnsafeRawBufferPointer(rebasing: output[0..<target.pos])) }
      if hint == 0 {
        isFrameComplete = true
        if source.pos < source.size {
          throw ApplianceError.validation(
            "backup is damaged: its body continues after the compressed data ends")
        }
        return
      }
      // A full output buffer may hide more decoded bytes even when all input is consumed.
      if source.pos == source.size && target.pos < target.size { return }
    }
  }
}
