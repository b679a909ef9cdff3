/// Distributions drawn from `SplitMix64` with arithmetic that is the same on every machine.
extension SplitMix64 {
  /// A uniform double in [0, 1) from the top 53 bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, "Fast Random Integer
  /// Generation in an Interval", 2019), for `bound > 0`.
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "empty range")
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold {
        product = next().multipliedFullWidth(by: limit)
      }
    }
    return Int(product.high)
  }

  /// A uniform integer in a closed range.
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// A uniform double in `low..<high`.
  mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * unit()
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A standard normal draw, approximated by the Irwin–Hall sum of twelve uniforms minus six
  /// (mean 0, variance 1, tails cut at ±6; arithmetic only, so identical everywhere).
  mutating func normal() -> Double {
    var sum = 0.0
    for _ in 0..<12 { sum += unit() }
    return sum - 6
  }

  /// An exponential draw with the given mean.
  mutating func exponential(mean: Double) -> Double {
    -mean * DeterministicMath.log(1 - unit())
  }

  /// A uniformly chosen element of a non-empty array.
  mutating func element<Element>(of elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// The elements in a uniformly random order (Fisher–Yates, Durstenfeld's variant).
  mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    var index = result.count - 1
    while index > 0 {
      let other = below(index + 1)
      result.swapAt(index, other)
      index -= 1
    }
    return result
  }

  /// `count` distinct indices of `0..<population`, in draw order (Floyd's algorithm would reorder; this
  /// partial Fisher–Yates keeps the draw order meaningful).
  mutating func distinctIndices(_ count: Int, of population: Int) -> [Int] {
    var pool = Array(0..<population)
    let wanted = min(count, population)
    for index in 0..<wanted {
      let other = index + below(population - index)
      pool.swapAt(index, other)
    }
    return Array(pool[0..<wanted])
  }
}
