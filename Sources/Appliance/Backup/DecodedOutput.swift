/// Where `BackupDecompressor` decodes to: it asks for an empty buffer, decodes straight into it
/// and hands it back full (or partly full at the end), so decoded bytes are never copied twice.
protocol DecodedOutput: AnyObject {
  /// A buffer to decode into; it belongs to the decompressor until passed to `deliver`.
  func emptyBuffer() throws(ApplianceError) -> UnsafeMutableRawBufferPointer
  /// Takes back a buffer from `emptyBuffer`; `bytes` is its decoded prefix.
  func deliver(_ bytes: UnsafeRawBufferPointer) throws(ApplianceError)
}
