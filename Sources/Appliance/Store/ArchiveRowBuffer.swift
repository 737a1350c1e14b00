import Foundation

/// One cell of an `ArchiveRowBuffer`, its bytes borrowed from the buffer (valid until the
/// buffer is next appended to, reset or freed).
public enum ArchiveCell {
  case null
  case integer(Int64)
  case real(Double)
  case text(UnsafeRawBufferPointer)
  case blob(UnsafeRawBufferPointer)
}

/// A page of image rows in one flat block of memory: what engines hand each other during a
/// backup or a restore. A million rows as arrays of values cost an allocation per text cell
/// and more time than the databases at both ends; here a page costs a few.
///
/// Owned by one thread at a time (filled by one, then handed over whole).
public final class ArchiveRowBuffer: @unchecked Sendable {
  private struct Slot {
    var tag: UInt8
    /// The integer, the double's bits, or the offset of the bytes.
    var value: Int64
    var length: Int32
  }

  /// Cells per row.
  public let columns: Int
  /// Complete rows held.
  public private(set) var rowCount = 0
  private var slots: [Slot] = []
  private var storage: UnsafeMutableRawPointer
  private var capacity: Int
  private var used = 0

  public init(columns: Int, byteCapacity: Int = 1 << 20) {
    self.columns = columns
    capacity = max(byteCapacity, 64)
    storage = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { storage.deallocate() }

  /// Whether no row is held.
  public var isEmpty: Bool { rowCount == 0 }

  /// Bytes of text and blob data held.
  public var byteCount: Int { used }

  /// Empties the buffer, keeping its memory.
  public func reset() {
    rowCount = 0
    used = 0
    slots.removeAll(keepingCapacity: true)
  }

  public func appendNull() { slots.append(Slot(tag: 0, value: 0, length: 0)) }

  public func appendInteger(_ value: Int64) { slots.append(Slot(tag: 1, value: value, length: 0)) }

  public func appendReal(_ value: Double) {
    slots.append(Slot(tag: 2, value: Int64(bitPattern: value.bitPattern), length: 0))
  }

  public func appendText(_ bytes: UnsafeRawBufferPointer) { appendBytes(bytes, tag: 3) }

  public func appendBlob(_ bytes: UnsafeRawBufferPointer) { appendBytes(bytes, tag: 4) }

  /// Ends the row whose cells were just appended.
  public func endRow() {
    precondition(slots.count == (rowCount + 1) * columns, "a row of the wrong width")
    rowCount += 1
  }

  /// The cell at `column` of `row`.
  public func cell(_ row: Int, _ column: Int) -> ArchiveCell {
    let slot = slots[row * columns + column]
    switch slot.tag {
    case 0: return .null
    case 1: return .integer(slot.value)
    case 2: return .real(Double(bitPattern: UInt64(bitPattern: slot.value)))
    case 3: return .text(bytes(of: slot))
    default: return .blob(bytes(of: slot))
    }
  }

  /// The cell as an owned value (for the few callers that keep it).
  public func value(_ row: Int, _ column: Int) -> ArchiveValue {
    switch cell(row, column) {
    case .null: .null
    case .integer(let v): .integer(v)
    case .real(let v): .real(v)
    case .text(let b): .text(String(decoding: b, as: UTF8.self))
    case .blob(let b): .blob(Data(b))
    }
  }

  private func bytes(of slot: Slot) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: storage + Int(slot.value), count: Int(slot.length))
  }

  private func appendBytes(_ bytes: UnsafeRawBufferPointer, tag: UInt8) {
    if used + bytes.count > capacity {
      var grown = capacity * 2
      while used + bytes.count > grown { grown *= 2 }
      let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
      larger.copyMemory(from: storage, byteCount: used)
      storage.deallocate()
      storage = larger
      capacity = grown
    }
    if let base = bytes.baseAddress, !bytes.isEmpty {
      (storage + used).copyMemory(from: base, byteCount: bytes.count)
    }
    slots.append(Slot(tag: tag, value: Int64(used), length: Int32(bytes.count)))
    used += bytes.count
  }
}
