/// Examination propensities per rank (rank 1 = 1), as `PropensityEstimator` estimates them from a query log, and
/// the inverse-propensity weights of clicks that follow from them.
public struct PositionPropensities: Sendable, Hashable {
  /// One rank's estimate.
  public struct Rank: Sendable, Hashable {
    /// The rank, from 1.
    public var rank: Int
    /// Probability that a result at this rank is examined, relative to rank 1.
    public var propensity: Double
    /// Harvested interventions involving this rank: (query, document) pairs seen here and at another rank,
    /// counted once per other rank.
    public var evidence: Int
    /// When the log gave no evidence for this rank (no intervention involving it, or none with a click): the
    /// nearest estimated rank, whose propensity stands in (nil when estimated).
    public var borrowedFrom: Int?

    /// Creates a rank's estimate.
    public init(rank: Int, propensity: Double, evidence: Int, borrowedFrom: Int? = nil) {
      self.rank = rank
      self.propensity = propensity
      self.evidence = evidence
      self.borrowedFrom = borrowedFrom
    }
  }

  /// Joachims, Swaminathan & Schnabel (WSDM 2017) clip propensities from below to bound the weights' variance.
  public static let defaultClip = 0.05

  /// Ranks 1, 2, … in order.
  public var ranks: [Rank]
  /// (query, document) pairs shown at two ranks or more: the interventions harvested.
  public var harvestedPairs: Int
  /// Iterations the estimate took.
  public var iterations: Int
  /// Whether the last iteration changed no propensity by more than the tolerance.
  public var converged: Bool

  /// Creates propensities.
  public init(ranks: [Rank], harvestedPairs: Int = 0, iterations: Int = 0, converged: Bool = true) {
    self.ranks = ranks
    self.harvestedPairs = harvestedPairs
    self.iterations = iterations
    self.converged = converged
  }

  /// The propensity at `rank` (from 1); ranks past the table take the last rank's.
  public func propensity(rank: Int) -> Double {
    precondition(!ranks.isEmpty && rank >= 1, "rank \(rank) of a table of \(ranks.count)")
    return ranks[min(rank, ranks.count) - 1].propensity
  }

  /// The inverse-propensity weight of a click at `rank`: `1 / max(propensity, clip)`.
  public func weight(rank: Int, clip: Double = defaultClip) -> Double {
    1 / max(propensity(rank: rank), clip)
  }

  /// Ranks whose propensity was not estimated but borrowed from a neighbour.
  public var borrowedRanks: [Int] { ranks.filter { $0.borrowedFrom != nil }.map(\.rank) }
}
