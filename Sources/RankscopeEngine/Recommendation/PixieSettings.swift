/// The parameters of Pixie random walks (Eksombatchai et al., "Pixie: A System for Recommending 3+ Billion Items
/// to 200+ Million Users in Real-Time", WWW 2018), with the paper's names where it has them.
public struct PixieSettings: Sendable, Hashable {
  /// `N`: the total number of steps (document → user → document) over all query documents.
  public var totalSteps: Int
  /// `α`: after each step the walk restarts at its query document with this probability (mean length 1 / α).
  public var restartProbability: Double
  /// `n_v`: the visit count at which a document counts as highly visited (early stopping).
  public var visitThreshold: Int
  /// `n_p`: a query document's walk stops early once this many documents are highly visited.
  public var highlyVisitedCount: Int
  /// `β`: a candidate's combined visits are divided by its degree^β (0: Pixie's plain counts; larger values
  /// favour documents few users engaged with over the universally popular).
  public var degreeExponent: Double
  /// Whether a step picks a neighbour in proportion to the edge's weight (summed action weights) rather than
  /// uniformly.
  public var weightedSteps: Bool
  /// The seed of the walks' generator (each query document's walk has its own stream derived from it).
  public var seed: UInt64

  /// Creates settings; the defaults suit the sample world's homefeed (a budget of a few milliseconds; β = 0.5 as chosen
  /// on MovieLens, see docs/BENCHMARKS.md).
  public init(totalSteps: Int = 10_000, restartProbability: Double = 0.5, visitThreshold: Int = 4,
              highlyVisitedCount: Int = 500, degreeExponent: Double = 0.5, weightedSteps: Bool = true, seed: UInt64 = 1) {
    self.totalSteps = totalSteps
    self.restartProbability = restartProbability
    self.visitThreshold = visitThreshold
    self.highlyVisitedCount = highlyVisitedCount
    self.degreeExponent = degreeExponent
    self.weightedSteps = weightedSteps
    self.seed = seed
  }

  /// The defaults.
  public static let standard = PixieSettings()

  /// What is wrong with the settings, or nil: steps at least 1, α in (0, 1], thresholds at least 1, β finite.
  public var problem: String? {
    if totalSteps < 1 { return "walk steps must be at least 1, got \(totalSteps)" }
    if !(restartProbability > 0 && restartProbability <= 1) {
      return "the restart probability must be in (0, 1], got \(restartProbability)"
    }
    if visitThreshold < 1 || highlyVisitedCount < 1 { return "the early-stopping thresholds must be at least 1" }
    if !degreeExponent.isFinite { return "the degree exponent must be finite" }
    return nil
  }
}
