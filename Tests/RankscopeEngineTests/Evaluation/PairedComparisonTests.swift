import Testing
@testable import RankscopeEngine

@Suite("Paired comparison")
struct PairedComparisonTests {
  /// Query ids q1 … qn.
  static func ids(_ count: Int) -> [String] { (1...count).map { "q\($0)" } }

  /// A uniform double in [low, high) from the seeded generator.
  static func uniform(_ generator: inout SamplingGenerator, _ low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(generator.next() >> 11) * 0x1.0p-53
  }

  /// `count` paired values: A uniform in [0.2, 0.6), B = A + a shift + uniform noise in [−spread, spread).
  static func synthetic(count: Int, shift: Double, spread: Double, seed: UInt64) -> (a: [Double], b: [Double]) {
    var generator = SamplingGenerator(seed: seed)
    let a = (0..<count).map { _ in uniform(&generator, 0.2, 0.6) }
    return (a, a.map { $0 + shift + uniform(&generator, -spread, spread) })
  }

  @Test("exact p-values by hand: all 2^n sign assignments")
  func exactByHand() throws {
    // d = 1, 2, 3: the sums ±1 ±2 ±3 are ±6, ±4, ±2, 0, 0; |sum| ≥ 6 in 2 of 8.
    let small = try PairedComparison(queryIds: Self.ids(3), a: [0, 0, 0], b: [1, 2, 3])
    #expect(small.isExact)
    #expect(small.pValue == 2.0 / 8)
    // d = 0.1, −0.2, 0.4 (with rounding): |sums| are 0.7, 0.5, 0.3, 0.1 twice each; ≥ 0.3 in 6 of 8.
    let mixed = try PairedComparison(queryIds: Self.ids(3), a: [0.5, 0.5, 0.5], b: [0.6, 0.3, 0.9])
    #expect(mixed.isExact && mixed.pValue == 6.0 / 8)
    // d = 1, 1, 1, 1: only all-kept and all-flipped reach 4: 2 of 16.
    let four = try PairedComparison(queryIds: Self.ids(4), a: [0, 0, 0, 0], b: [1, 1, 1, 1])
    #expect(four.pValue == 2.0 / 16)
    #expect(four.confidenceInterval == 1...1)
    // Enumeration only while 2^n ≤ N; otherwise sampled, and close to the exact value.
    let sampled = try PairedComparison(queryIds: Self.ids(4), a: [0, 0, 0, 0], b: [1, 1, 1, 1],
                                       options: .init(permutationResamples: 15))
    #expect(!sampled.isExact)
    let manyQueries = (1...16).map(Double.init)
    let exact16 = try PairedComparison(queryIds: Self.ids(16), a: Array(repeating: 0, count: 16), b: manyQueries)
    #expect(exact16.isExact && exact16.pValue == 2.0 / 65_536)
    let sampled17 = try PairedComparison(queryIds: Self.ids(17), a: Array(repeating: 0, count: 17), b: (1...17).map(Double.init))
    #expect(!sampled17.isExact && sampled17.pValue < 1e-4)
    // Never more than 20 queries enumerated, however large N.
    let capped = try PairedComparison(queryIds: Self.ids(21), a: Array(repeating: 0, count: 21), b: (1...21).map(Double.init),
                                      options: .init(bootstrapResamples: 10, permutationResamples: 1 << 22))
    #expect(!capped.isExact)
    let twenty = try PairedComparison(queryIds: Self.ids(20), a: Array(repeating: 0, count: 20), b: (1...20).map(Double.init),
                                      options: .init(bootstrapResamples: 10, permutationResamples: 1 << 20))
    #expect(twenty.isExact && twenty.pValue == 2.0 / Double(1 << 20))
  }

  @Test("means, wins, losses, ties and the most regressed queries")
  func summary() throws {
    let comparison = try PairedComparison(queryIds: ["q1", "q2", "q3", "q4", "q5"],
                                          a: [0.5, 0.4, 0.9, 0.2, 0.7], b: [0.6, 0.4, 0.3, 0.2 + 1e-13, 0.5])
    #expect(abs(comparison.meanA - 0.54) < 1e-12)
    #expect(abs(comparison.meanB - 0.4) < 1e-12)
    #expect(abs(comparison.meanDifference - (-0.14)) < 1e-12)
    #expect(comparison.wins == 1 && comparison.losses == 2 && comparison.ties == 2)
    #expect(comparison.mostRegressed(10).map(\.queryId) == ["q3", "q5"])
    #expect(comparison.mostRegressed(1).map(\.queryId) == ["q3"])
    #expect(comparison.queriesByDifference.map(\.queryId) == ["q3", "q5", "q2", "q4", "q1"])
    // One bootstrap resample: the interval is that resample's mean, whatever the confidence.
    let single = try PairedComparison(queryIds: ["q1", "q2"], a: [0, 0], b: [0.25, 0.75],
                                      options: .init(bootstrapResamples: 1, confidence: 0.999))
    #expect(single.confidenceInterval.lowerBound == single.confidenceInterval.upperBound)
    #expect([0.25, 0.5, 0.75].contains(single.confidenceInterval.lowerBound))
  }

  @Test("deterministic for a seed, different for another")
  func deterministic() throws {
    let (a, b) = Self.synthetic(count: 40, shift: 0.02, spread: 0.1, seed: 1)
    let options = PairedComparison.Options(bootstrapResamples: 2_000, permutationResamples: 20_000, seed: 42)
    let first = try PairedComparison(queryIds: Self.ids(40), a: a, b: b, options: options)
    let second = try PairedComparison(queryIds: Self.ids(40), a: a, b: b, options: options)
    #expect(first.confidenceInterval == second.confidenceInterval && first.pValue == second.pValue)
    var reseeded = options
    reseeded.seed = 43
    let third = try PairedComparison(queryIds: Self.ids(40), a: a, b: b, options: reseeded)
    #expect(first.confidenceInterval != third.confidenceInterval || first.pValue != third.pValue)
    #expect(abs(first.pValue - third.pValue) < 0.02)
  }

  @Test("identical systems: p = 1, a zero interval, all ties; noise alone is not significant")
  func null() throws {
    let (a, _) = Self.synthetic(count: 50, shift: 0, spread: 0, seed: 2)
    let same = try PairedComparison(queryIds: Self.ids(50), a: a, b: a)
    #expect(same.pValue == 1 && same.confidenceInterval == 0...0 && same.ties == 50)
    let (noisyA, noisyB) = Self.synthetic(count: 50, shift: 0, spread: 0.1, seed: 3)
    let noisy = try PairedComparison(queryIds: Self.ids(50), a: noisyA, b: noisyB)
    #expect(noisy.pValue > 0.05)
    #expect(noisy.confidenceInterval.contains(0))
  }

  @Test("a consistent large improvement over 50 queries: p near 0, the interval above 0")
  func improvement() throws {
    let (a, b) = Self.synthetic(count: 50, shift: 0.1, spread: 0.05, seed: 4)
    let comparison = try PairedComparison(queryIds: Self.ids(50), a: a, b: b)
    #expect(!comparison.isExact)
    #expect(comparison.pValue == 1.0 / 100_001)
    #expect(comparison.confidenceInterval.lowerBound > 0.08 && comparison.confidenceInterval.upperBound < 0.12)
    #expect(comparison.wins == 50)
  }

  @Test("the bootstrap interval contains the true mean difference and shrinks with more queries")
  func interval() throws {
    // B − A is uniform in [0.1 − 0.2, 0.1 + 0.2): the true mean difference is 0.1.
    var widths: [Double] = []
    for count in [25, 100, 400] {
      let (a, b) = Self.synthetic(count: count, shift: 0.1, spread: 0.2, seed: 5)
      let comparison = try PairedComparison(queryIds: Self.ids(count), a: a, b: b,
                                            options: .init(permutationResamples: 1_000))
      #expect(comparison.confidenceInterval.contains(0.1))
      #expect(comparison.confidenceInterval.contains(comparison.meanDifference))
      widths.append(comparison.confidenceInterval.upperBound - comparison.confidenceInterval.lowerBound)
    }
    #expect(widths[0] > widths[1] && widths[1] > widths[2])
    // Roughly 2 · 1.96 · σ/√n with σ = 0.4/√12: within 15% at 400 queries.
    let expected = 2 * 1.96 * (0.4 / 12.0.squareRoot()) / 20
    #expect(abs(widths[2] - expected) / expected < 0.15)
  }

  @Test("inputs are validated with clear errors")
  func validation() {
    func message(_ ids: [String], _ a: [Double], _ b: [Double], _ options: PairedComparison.Options = .init()) -> String? {
      do {
        _ = try PairedComparison(queryIds: ids, a: a, b: b, options: options)
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(message(["q1", "q2"], [0.1], [0.2, 0.3])
      == "paired comparison needs one value per query for each system: 2 queries, 1 values for A, 2 for B")
    #expect(message([], [], []) == "paired comparison needs at least one query")
    #expect(message(["q1", "q2"], [0.1, .nan], [0.2, 0.3]) == "query q2: A's value nan is not a finite number")
    #expect(message(["q1"], [0.1], [.infinity]) == "query q1: B's value inf is not a finite number")
    #expect(message(["q1", "q1"], [0.1, 0.2], [0.2, 0.3]) == "query q1 appears more than once")
    #expect(message(["q1"], [0.1], [0.2], .init(bootstrapResamples: 0)) == "bootstrap resamples is 0.0, expected at least 1")
    #expect(message(["q1"], [0.1], [0.2], .init(confidence: 1)) == "confidence is 1.0, expected a number between 0 and 1 (exclusive)")
  }
}
