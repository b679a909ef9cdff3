/// Estimates examination propensities per rank from a query log by intervention harvesting: Agarwal, Zaitsev,
/// Wang, Li, Najork & Joachims, "Estimating Position Bias without Intrusive Interventions" (WSDM 2019).
///
/// When the ranker shows the same document for the same query at different ranks (here because its scores
/// carry noise), the difference in click-through rate between the ranks measures their examination ratio.
/// Impressions are grouped by (normalised query, document); each group seen at two ranks or more is an
/// intervention, and for each ordered pair of its ranks (a, b) adds 1 to `N[a][b]` and its click-through rate
/// at a to `C[a][b]`. The propensities `p` and the pairs' relevances `r` are then fitted by alternating
/// maximum-likelihood steps, `r[a][b] = (C[a][b] + C[b][a]) / (p[a]·N[a][b] + p[b]·N[b][a])` and
/// `p[a] = Σ_b C[a][b] / Σ_b N[a][b]·r[a][b]`, normalised so that rank 1 is 1.
public enum PropensityEstimator {
  /// Why propensities cannot be estimated from a log.
  public struct EstimationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
  }

  /// Harvested interventions: per ordered pair of 0-based positions, the (query, document) pairs seen at both
  /// (`pairs[a][b]`) and the sum of their click-through rates at `a` (`clickRates[a][b]`).
  public struct Interventions: Sendable, Hashable {
    /// `N[a][b]`.
    public var pairs: [[Int]]
    /// `C[a][b]`.
    public var clickRates: [[Double]]
    /// (query, document) groups shown at two positions or more.
    public var groups: Int

    /// Positions covered (the longest shown list).
    public var positions: Int { pairs.count }
    /// Interventions involving position `a`: `Σ_b N[a][b]`.
    public func evidence(position a: Int) -> Int { pairs[a].reduce(0, +) }
  }

  /// The propensities of ranks 1 to the longest shown list of `log`, iterating at most `iterations` times or
  /// until no propensity changes by more than `tolerance`.
  public static func estimate(log: QueryLog, iterations: Int = 200,
                              tolerance: Double = 1e-9) throws(EstimationError) -> PositionPropensities {
    try estimate(interventions: harvest(log: log), iterations: iterations, tolerance: tolerance, source: log.file)
  }

  /// The interventions of `log`.
  public static func harvest(log: QueryLog) -> Interventions {
    let positions = log.searches.map(\.shown.count).max() ?? 0
    // Per (normalised query, document): impressions and clicks per position.
    var counts: [String: [Int]] = [:]
    for search in log.searches {
      let clicked = Set(search.clicked)
      for (position, id) in search.shown.enumerated() {
        let key = search.normalizedQuery + "\u{0}" + id
        var row = counts[key] ?? [Int](repeating: 0, count: 2 * positions)
        row[2 * position] += 1
        if clicked.contains(id) { row[2 * position + 1] += 1 }
        counts[key] = row
      }
    }
    var pairs = [[Int]](repeating: [Int](repeating: 0, count: positions), count: positions)
    var clickRates = [[Double]](repeating: [Double](repeating: 0, count: positions), count: positions)
    var groups = 0
    for row in counts.values {
      let seen = (0..<positions).filter { row[2 * $0] > 0 }
      guard seen.count >= 2 else { continue }
      groups += 1
      for a in seen {
        let rate = Double(row[2 * a + 1]) / Double(row[2 * a])
        for b in seen where b != a {
          pairs[a][b] += 1
          clickRates[a][b] += rate
        }
      }
    }
    return Interventions(pairs: pairs, clickRates: clickRates, groups: groups)
  }

  /// The propensities fitted to `interventions`; `source` names the log in errors.
  public static func estimate(interventions: Interventions, iterations: Int = 200, tolerance: Double = 1e-9,
                              source: String = "the query log") throws(EstimationError) -> PositionPropensities {
    let positions = interventions.positions
    guard interventions.groups > 0 else {
      throw EstimationError("\(source): cannot estimate position bias: no query shows the same document at two different ranks (the log has no position-varying (query, document) pairs)")
    }
    let evidence = (0..<positions).map { interventions.evidence(position: $0) }
    // A position is estimated when an intervention involving it saw a click (at it or at the other position).
    let informative = (0..<positions).map { a in
      (0..<positions).contains { b in b != a && interventions.pairs[a][b] > 0
        && interventions.clickRates[a][b] + interventions.clickRates[b][a] > 0 }
    }
    guard evidence[0] > 0 else {
      throw EstimationError("\(source): cannot estimate position bias: no document was shown at rank 1 and at another rank for the same query")
    }
    guard interventions.clickRates[0].reduce(0, +) > 0 else {
      throw EstimationError("\(source): cannot estimate position bias: the documents seen at rank 1 and elsewhere were never clicked at rank 1")
    }
    var propensities = [Double](repeating: 1, count: positions)
    var done = 0
    var converged = false
    while done < iterations, !converged {
      let next = step(propensities: propensities, interventions: interventions)
      converged = zip(next, propensities).allSatisfy { abs($0 - $1) <= tolerance }
      propensities = next
      done += 1
    }
    var ranks: [PositionPropensities.Rank] = []
    for position in 0..<positions {
      var rank = PositionPropensities.Rank(rank: position + 1, propensity: propensities[position], evidence: evidence[position])
      if !informative[position], let nearest = nearestEstimated(to: position, informative: informative) {
        rank.propensity = propensities[nearest]
        rank.borrowedFrom = nearest + 1
      }
      ranks.append(rank)
    }
    return PositionPropensities(ranks: ranks, harvestedPairs: interventions.groups, iterations: done, converged: converged)
  }

  /// One alternating step: relevances from the propensities, propensities from the relevances, rank 1 = 1.
  /// Positions without evidence (no intervention, or none ever clicked) keep their propensity.
  static func step(propensities p: [Double], interventions: Interventions) -> [Double] {
    let positions = p.count
    let n = interventions.pairs
    let c = interventions.clickRates
    var next = p
    for a in 0..<positions {
      var clicks = 0.0
      var expected = 0.0
      for b in 0..<positions where b != a && n[a][b] > 0 {
        let denominator = p[a] * Double(n[a][b]) + p[b] * Double(n[b][a])
        let relevance = denominator > 0 ? (c[a][b] + c[b][a]) / denominator : 0
        clicks += c[a][b]
        expected += Double(n[a][b]) * relevance
      }
      if expected > 0 { next[a] = clicks / expected }
    }
    let first = next[0]
    guard first > 0 else { return next }
    return next.map { $0 / first }
  }

  /// The informative position closest to `position` (the higher rank on a tie), or nil when none is.
  static func nearestEstimated(to position: Int, informative: [Bool]) -> Int? {
    informative.indices.filter { informative[$0] }.min { (abs($0 - position), $0) < (abs($1 - position), $1) }
  }
}
