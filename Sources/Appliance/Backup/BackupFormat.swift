/// The byte layout of a backup archive, version 1 (all integers big-endian):
///
///     preamble  "TRBK"  version:UInt8  headerLength:UInt32
///     header    JSON of `BackupHeader` (headerLength bytes)
///               SHA-256 of preamble + JSON (32 bytes)
///     body      chunks: length:UInt32 (1...maxChunkPayload) + that many bytes of one zstd frame,
///               then a terminating length of 0
///     trailer   "TRBKEND"  bodyLength:UInt64  SHA-256 of every byte before the trailer (32 bytes)
///
/// `bodyLength` counts the body as stored (chunk prefixes, compressed bytes and the terminator).
/// The header has its own digest so `backup show` can trust it without reading the body; the
/// trailer digest covers the header too, so a single check proves the whole file.
enum BackupFormat {
  static let magic: [UInt8] = Array("TRBK".utf8)
  static let version: UInt8 = 1
  static let trailerMagic: [UInt8] = Array("TRBKEND".utf8)
  static let digestSize = 32
  static let preambleSize = magic.count + 1 + 4
  static let trailerSize = trailerMagic.count + 8 + digestSize
  /// A header is a few hundred bytes; anything near this is a damaged length field.
  static let maxHeaderSize = 1 << 20
  /// Writers fill chunks up to `chunkPayloadSize`; readers accept up to `maxChunkPayload` so a
  /// later writer may use larger chunks without breaking older readers.
  static let chunkPayloadSize = 2 << 20
  static let maxChunkPayload = 16 << 20
  static let chunkPrefixSize = 4
  /// Large enough that syscalls and zstd calls are rare, small enough to keep memory flat.
  static let ioBufferSize = 4 << 20
  static let compressionLevel: Int32 = 1
  static let compressionWorkers: Int32 = 2
  /// Bounds the decoder's window (zstd -1 uses 512 KiB) so a hostile archive cannot demand
  /// more memory than the 100 MB budget.
  static let maxWindowLog: Int32 = 24

  static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    for shift in stride(from: 24, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
    }
  }

  static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }

  static func bigEndianInteger<T: FixedWidthInteger>(_ bytes: some Collection<UInt8>, as: T.Type)
    -> T
  {
    bytes.reduce(T(0)) { ($0 << 8) | T($1) }
  }

  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}
