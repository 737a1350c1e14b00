/// A SplitMix64 pseudo-random generator: tiny, fast and deterministic for a given seed.
///
/// Sample data must be identical for the same `--seed` on every platform and Swift release,
/// so we never use `SystemRandomNumberGenerator` or the standard library's unspecified algorithms
/// (`randomElement()` with a generator is fine: it only asks the generator for numbers, but
/// we still use our own `below(_:)` so the mapping from numbers to choices is fixed too).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0), by multiply-shift: fixed mapping, negligible bias.
  public mutating func below(_ bound: Int) -> Int {
    Int((UInt128(next()) * UInt128(bound)) >> 64)
  }

  /// One element of a non-empty array.
  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// True with the given probability in percent.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
