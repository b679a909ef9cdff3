/// Draws indices in proportion to fixed non-negative weights, by binary search over cumulative sums.
struct WeightedSampler: Sendable {
  /// Running totals of the weights; the last one is the total.
  let cumulativeWeights: [Double]

  /// Creates a sampler; at least one weight must be positive.
  init(weights: [Double]) {
    var running = 0.0
    var totals: [Double] = []
    totals.reserveCapacity(weights.count)
    for weight in weights {
      running += max(0, weight)
      totals.append(running)
    }
    precondition(running > 0, "a weighted sampler needs a positive weight")
    cumulativeWeights = totals
  }

  /// Weights that fall off as `1 / (rank + 1)^exponent`, a Zipf-like preference for the first entries.
  static func zipfWeights(count: Int, exponent: Double) -> [Double] {
    (0..<count).map { 1 / DeterministicMath.pow(Double($0 + 1), exponent) }
  }

  /// An index drawn in proportion to its weight.
  /// - Complexity: O(log n).
  func sample(using generator: inout SplitMix64) -> Int {
    let target = generator.unit() * cumulativeWeights[cumulativeWeights.count - 1]
    var low = 0
    var high = cumulativeWeights.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
