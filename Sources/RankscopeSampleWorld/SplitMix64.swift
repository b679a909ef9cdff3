/// SplitMix64, the seeded pseudo-random generator behind every draw of the sample world.
///
/// Steele, Lea & Flood, "Fast Splittable Pseudorandom Number Generators" (OOPSLA 2014), with the constants of
/// Vigna's reference implementation. Only integer arithmetic, so a seed gives the same sequence on every machine.
/// The distributions built on it (`SplitMix64+Distributions.swift`) avoid the standard library's `random(in:)`,
/// whose algorithm is not promised to stay the same across Swift versions.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  public private(set) var state: UInt64

  /// Creates a generator whose first output depends only on `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// Creates a generator for one named stream of a seed (say "pins", or "pin" and an index), so that stages
  /// draw from independent sequences and adding draws to one stage never shifts another.
  public init(seed: UInt64, stream: String, index: UInt64 = 0) {
    var mixer = SplitMix64(seed: seed ^ StableHash.fnv1a(stream))
    let first = mixer.next()
    mixer.state ^= index &* 0xD1B5_4A32_D192_ED03
    state = first ^ mixer.next()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
