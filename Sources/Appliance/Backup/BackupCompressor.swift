import CZstd

/// Compresses the body as one zstd frame and cuts the output into length-prefixed chunks, each
/// handed over ready to hash and write with a single `write`.
final class BackupCompressor {
  private let context: OpaquePointer
  /// The chunk being filled: a 4-byte length prefix, then up to `chunkPayloadSize` bytes.
  private let chunk: UnsafeMutableRawBufferPointer
  private var filled = 0
  /// How many zstd worker threads compress behind the caller (0 if the library has none).
  let workers: Int32

  init(level: Int32, workers requestedWorkers: Int32, pledgedSize: UInt64) throws(ApplianceError) {
    guard let context = ZSTD_createCCtx() else {
      throw ApplianceError.failed("cannot allocate a zstd compressor")
    }
    self.context = context
    chunk = .allocate(
      byteCount: BackupFormat.chunkPrefixSize + BackupFormat.chunkPayloadSize, alignment: 64)
    // Worker threads let compression overlap with reading, hashing and writing. A libzstd built
    // without threads rejects the parameter; single-threaded is then the silent fallback.
    var workers: Int32 = 0
    if requestedWorkers > 0,
      ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, requestedWorkers)) == 0
    {
      workers = requestedWorkers
    }
    self.workers = workers
    do {
      try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level))
      // zstd's own content checksum pins a damaged body to the decompressor as early as possible.
      try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1))
      try Self.check(ZSTD_CCtx_setPledgedSrcSize(context, pledgedSize))
    } catch {
      ZSTD_freeCCtx(context)
      chunk.deallocate()
      throw error
    }
  }

  deinit {
    ZSTD_freeCCtx(context)
    chunk.deallocate()
  }

  /// Feeds `input`; `finish` ends the frame and flushes the last partial chunk.
  func compress(
    _ input: UnsafeRawBufferPointer, finish: Bool,
    _ emit: (UnsafeRawBufferPointer) throws(ApplianceError) -> Void
  ) throws(ApplianceError) {
    var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    let payload = chunk.baseAddress! + BackupFormat.chunkPrefixSize
    while true {
      var target = ZSTD_outBuffer(
        dst: payload + filled, size: BackupFormat.chunkPayloadSize - filled, pos: 0)
      let remaining = ZSTD_compressStream2(
        context, &target, &source, finish ? ZSTD_e_end : ZSTD_e_continue)
      try Self.check(remaining)
      filled += target.pos
      if filled == BackupFormat.chunkPayloadSize { try flush(emit) }
      if finish ? remaining == 0 : source.pos == source.size { break }
    }
    if finish && filled > 0 { try flush(emit) }
  }

  private func flush(_ emit: (UnsafeRawBufferPointer) throws(ApplianceError) -> Void)
    throws(ApplianceError)
  {
    var prefix: [UInt8] = []
    BackupFormat.append(UInt32(filled), to: &prefix)
    chunk.copyBytes(from: prefix)
    let count = BackupFormat.chunkPrefixSize + filled
    filled = 0
    try emit(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
  }

  private static func check(_ code: Int) throws(ApplianceError) {
    if ZSTD_isError(code) != 0 {
      throw ApplianceError.failed("compression failed: \(String(cString: ZSTD_getErrorName(code)))")
    }
  }
}
