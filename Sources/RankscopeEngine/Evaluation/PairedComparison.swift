import Foundation

/// Two systems A and B compared on the same queries: means, the mean difference B − A with a bootstrap
/// confidence interval, a paired randomization test, wins/losses/ties and the queries that regressed most.
///
/// The randomization test is the one Smucker, Allan & Carterette recommend for IR ("A comparison of statistical
/// significance tests for information retrieval evaluation", CIKM 2007): under the null hypothesis A and B are
/// exchangeable within each query, so each query's difference keeps or flips its sign with probability 1/2.
/// Every draw comes from a seeded SplitMix64, so a seed gives the same interval and p-value everywhere.
public struct PairedComparison: Sendable {
  /// How the comparison resamples.
  public struct Options: Sendable, Hashable {
    /// Bootstrap resamples for the confidence interval.
    public var bootstrapResamples: Int
    /// Random sign-flip assignments for the p-value; when 2^queries ≤ this (and queries ≤ 20), all are enumerated.
    public var permutationResamples: Int
    /// The confidence level of the interval, in (0, 1).
    public var confidence: Double
    /// The seed of every draw.
    public var seed: UInt64

    /// 10,000 bootstrap resamples, 100,000 sign-flip assignments, a 95% interval.
    public init(bootstrapResamples: Int = 10_000, permutationResamples: Int = 100_000,
                confidence: Double = 0.95, seed: UInt64 = 0x5EED_0006) {
      self.bootstrapResamples = bootstrapResamples
      self.permutationResamples = permutationResamples
      self.confidence = confidence
      self.seed = seed
    }
  }

  /// One query's values and difference.
  public struct QueryDifference: Sendable, Hashable {
    /// The query id.
    public var queryId: String
    /// A's value.
    public var a: Double
    /// B's value.
    public var b: Double
    /// B − A.
    public var difference: Double { b - a }
  }

  /// A difference whose magnitude is at most this counts as a tie (values are metrics in [0, 1], so this
  /// only absorbs rounding, and exactly equal values are always ties).
  public static let tieTolerance = 1e-12

  /// The most queries whose 2^n sign assignments are enumerated (about a million sums), whatever N.
  public static let maximumExactQueries = 20

  /// The options the comparison ran with.
  public let options: Options
  /// Every query, in the order given.
  public let queries: [QueryDifference]
  /// A's mean over the queries.
  public let meanA: Double
  /// B's mean over the queries.
  public let meanB: Double
  /// The mean of B − A.
  public let meanDifference: Double
  /// The percentile bootstrap interval of the mean difference (Efron & Tibshirani, "An Introduction to the
  /// Bootstrap", 1993, ch. 13): queries resampled with replacement, the resampled mean differences sorted,
  /// the bounds at positions ⌊α/2 · N⌋ and N − 1 − ⌊α/2 · N⌋ (0-based) with α = 1 − confidence
  /// (250 and 9,749 for the default 95% and 10,000).
  public let confidenceInterval: ClosedRange<Double>
  /// The two-sided p-value of the randomization test: the share of sign assignments whose |Σ ±d| reaches
  /// the observed |Σ d| (less a rounding allowance of 1e-12 · Σ|d|). Enumerated exactly (count / 2^n,
  /// the observed assignment included) when 2^n ≤ `permutationResamples` and n ≤ 20; otherwise sampled as
  /// (count + 1) / (N + 1), which counts the observed assignment and is never 0 (Phipson & Smyth,
  /// "Permutation p-values should never be zero", SAGMB 2010).
  public let pValue: Double
  /// Whether the p-value enumerated every sign assignment.
  public let isExact: Bool
  /// Queries where B beats A by more than `tieTolerance`.
  public let wins: Int
  /// Queries where A beats B by more than `tieTolerance`.
  public let losses: Int
  /// Queries within `tieTolerance`.
  public let ties: Int

  /// Compares paired per-query values; the arrays are aligned with `queryIds`.
  public init(queryIds: [String], a: [Double], b: [Double], options: Options = Options()) throws(ComparisonError) {
    try Self.validate(queryIds: queryIds, a: a, b: b, options: options)
    self.options = options
    queries = queryIds.indices.map { QueryDifference(queryId: queryIds[$0], a: a[$0], b: b[$0]) }
    let differences = queries.map(\.difference)
    meanA = Self.mean(a)
    meanB = Self.mean(b)
    meanDifference = Self.mean(differences)
    confidenceInterval = Self.bootstrapInterval(differences, resamples: options.bootstrapResamples,
                                                confidence: options.confidence, seed: options.seed)
    (pValue, isExact) = Self.randomizationTest(differences, resamples: options.permutationResamples, seed: options.seed)
    wins = differences.filter { $0 > Self.tieTolerance }.count
    losses = differences.filter { $0 < -Self.tieTolerance }.count
    ties = differences.count - wins - losses
  }

  /// Every query sorted by B − A ascending (the worst regression first), ties in difference by query id.
  public var queriesByDifference: [QueryDifference] {
    queries.sorted { ($0.difference, $0.queryId) < ($1.difference, $1.queryId) }
  }

  /// Up to `count` queries where B lost to A, the largest loss first.
  public func mostRegressed(_ count: Int) -> [QueryDifference] {
    Array(queriesByDifference.prefix { $0.difference < -Self.tieTolerance }.prefix(max(count, 0)))
  }

  static func validate(queryIds: [String], a: [Double], b: [Double], options: Options) throws(ComparisonError) {
    guard queryIds.count == a.count, queryIds.count == b.count else {
      throw .countMismatch(queries: queryIds.count, a: a.count, b: b.count)
    }
    guard !queryIds.isEmpty else { throw .noQueries }
    var seen = Set<String>()
    for (index, queryId) in queryIds.enumerated() {
      guard seen.insert(queryId).inserted else { throw .duplicateQuery(queryId) }
      guard a[index].isFinite else { throw .nonFiniteValue(queryId: queryId, system: "A", value: a[index]) }
      guard b[index].isFinite else { throw .nonFiniteValue(queryId: queryId, system: "B", value: b[index]) }
    }
    guard options.bootstrapResamples > 0 else {
      throw .invalidParameter(name: "bootstrap resamples", value: Double(options.bootstrapResamples), expected: "at least 1")
    }
    guard options.permutationResamples > 0 else {
      throw .invalidParameter(name: "permutation resamples", value: Double(options.permutationResamples), expected: "at least 1")
    }
    guard options.confidence > 0, options.confidence < 1 else {
      throw .invalidParameter(name: "confidence", value: options.confidence, expected: "a number between 0 and 1 (exclusive)")
    }
  }

  static func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  /// The percentile bootstrap interval of the mean of `differences`.
  static func bootstrapInterval(_ differences: [Double], resamples: Int, confidence: Double, seed: UInt64) -> ClosedRange<Double> {
    var generator = SamplingGenerator(seed: seed)
    let count = differences.count
    var means = [Double](repeating: 0, count: resamples)
    for resample in 0..<resamples {
      var sum = 0.0
      for _ in 0..<count { sum += differences[generator.below(count)] }
      means[resample] = sum / Double(count)
    }
    means.sort()
    // The allowance keeps 0.025 · 10,000 at 250 whatever the rounding of 1 − 0.95.
    let lower = min(Int(((1 - confidence) / 2 * Double(resamples) + 1e-9).rounded(.down)), (resamples - 1) / 2)
    return means[lower]...means[resamples - 1 - lower]
  }

  /// The two-sided paired randomization test's p-value, and whether it was enumerated exactly.
  static func randomizationTest(_ differences: [Double], resamples: Int, seed: UInt64) -> (pValue: Double, isExact: Bool) {
    let count = differences.count
    let observed = abs(differences.reduce(0, +))
    let threshold = observed - 1e-12 * differences.reduce(0) { $0 + abs($1) }
    if count <= maximumExactQueries, 1 << count <= resamples {
      let assignments = UInt64(1) << UInt64(count)
      var reaching = 0
      for signs in 0..<assignments where abs(signedSum(differences, signs: signs)) >= threshold {
        reaching += 1
      }
      return (Double(reaching) / Double(assignments), true)
    }
    var generator = SamplingGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    var reaching = 0
    for _ in 0..<resamples {
      var sum = 0.0
      var bits: UInt64 = 0
      for index in 0..<count {
        if index % 64 == 0 { bits = generator.next() }
        sum += bits & 1 == 1 ? -differences[index] : differences[index]
        bits >>= 1
      }
      if abs(sum) >= threshold { reaching += 1 }
    }
    return (Double(reaching + 1) / Double(resamples + 1), false)
  }

  /// Σ ±d_i, with d_i negated where bit i of `signs` is set.
  static func signedSum(_ differences: [Double], signs: UInt64) -> Double {
    var sum = 0.0
    for index in differences.indices {
      sum += (signs >> UInt64(index)) & 1 == 1 ? -differences[index] : differences[index]
    }
    return sum
  }
}

extension PairedComparison {
  /// Whether the p-value is sampled and no draw reached the observed difference (the p-value is then a bound).
  public var isPValueBound: Bool { !isExact && pValue * Double(options.permutationResamples + 1) < 1.5 }

  /// The p-value as reports print it: `p = 0.0123`, `p = 7.0e-05`, or `p ≤ 1.0e-05` when it is a bound.
  public var pValueLabel: String {
    let value = pValue >= 0.0001 ? String(format: "%.4f", pValue) : String(format: "%.1e", pValue)
    return (isPValueBound ? "p ≤ " : "p = ") + value
  }
}
