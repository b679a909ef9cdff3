/// Fuses the candidate lists of several generators into one ranking, and explains any fused document.
///
/// Methods: reciprocal rank fusion (Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet
/// and individual Rank Learning Methods", SIGIR 2009), `Σ_g w_g / (k + rank_g)`; and weighted score fusion,
/// `Σ_g w_g · normalised_g`, each generator's scores normalised over its own candidate list (min-max, or z-score
/// as in Montague & Aslam, "Relevance Score Normalization for Metasearch", CIKM 2001). A document found by
/// several generators is one candidate with all their provenance; a generator that did not find it adds 0.
///
/// Exactness: the fast path and the explanation compute every value with `Explanation.Combination.combine`,
/// in the same order (generators in list order), so an explanation's root equals the fused score bit for bit.
struct ScoreFusion {
  /// Per-list figures that normalisation needs.
  struct ListStatistics {
    var minimum = 0.0, maximum = 0.0, mean = 0.0, standardDeviation = 0.0

    init(_ scores: [Double]) {
      guard let first = scores.first else { return }
      minimum = scores.min() ?? first
      maximum = scores.max() ?? first
      mean = scores.reduce(0.0, +) / Double(scores.count)
      let meanValue = mean
      standardDeviation = (scores.reduce(0.0) { $0 + ($1 - meanValue) * ($1 - meanValue) } / Double(scores.count)).squareRoot()
    }
  }

  /// A fused document: its score and the generators that found it.
  struct Fused {
    var document: Int
    var score: Double
  }

  let settings: FusionSettings
  let lists: [CandidateList]
  let weights: [Double]
  private let statistics: [ListStatistics]

  /// Prepares fusion of `lists` with one weight per list.
  init(settings: FusionSettings, lists: [CandidateList], weights: [Double]) {
    precondition(lists.count == weights.count, "one weight per list")
    self.settings = settings
    self.lists = lists
    self.weights = weights
    statistics = lists.map { ListStatistics($0.candidates.map(\.score)) }
  }

  // MARK: The arithmetic shared by scoring and explaining

  private static let sum = Explanation.Combination.sum

  /// `k + rank`.
  private func rankDenominator(_ rank: Int) -> Double { Self.sum.combine([settings.k, Double(rank)]) }

  /// The normalised score of `score` in list `list`: min-max or z-score, with the degenerate cases documented
  /// on `ScoreNormalization`.
  private func normalized(_ score: Double, list: Int) -> Double {
    let statistic = statistics[list]
    switch settings.normalization {
    case .minmax:
      guard statistic.maximum > statistic.minimum else { return 1 }
      return Self.sum.combine([score, -statistic.minimum]) / Self.sum.combine([statistic.maximum, -statistic.minimum])
    case .zscore:
      guard statistic.standardDeviation > 0 else { return 0 }
      return Self.sum.combine([score, -statistic.mean]) / statistic.standardDeviation
    }
  }

  /// What generator `list` adds for `candidate`, before weighting.
  private func unweighted(_ candidate: Candidate, list: Int) -> Double {
    switch settings.method {
    case .rrf: return 1.0 / rankDenominator(candidate.rank)
    case .weighted: return normalized(candidate.score, list: list)
    }
  }

  /// What generator `list` adds for `document` (0 when it did not find it).
  private func contribution(of document: Int, list: Int) -> Double {
    guard let candidate = lists[list].candidate(for: document) else { return 0 }
    return Explanation.Combination.weighted(weights[list]).combine([unweighted(candidate, list: list)])
  }

  /// The fused score of `document`.
  func score(_ document: Int) -> Double {
    Self.sum.combine(lists.indices.map { contribution(of: document, list: $0) })
  }

  /// Every document any list holds, fused, best first (ties: the smaller document number).
  func fuse() -> [Fused] {
    var documents = Set<Int>()
    for list in lists { for candidate in list.candidates { documents.insert(candidate.document) } }
    return documents.map { Fused(document: $0, score: score($0)) }
      .sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
  }

  /// The sources of `document`: each generator that found it, with rank and raw score, in list order.
  func sources(of document: Int) -> [CandidateSource] {
    lists.compactMap { list in
      list.candidate(for: document).map { CandidateSource(generator: list.generator, rank: $0.rank, score: $0.score) }
    }
  }

  // MARK: Explanation

  /// A one-line name of the method, e.g. `reciprocal rank fusion (k = 60)`.
  var methodDescription: String {
    switch settings.method {
    case .rrf: return "reciprocal rank fusion (k = \(JSONWriter.format(settings.k))): Σ_g w_g / (k + rank_g)"
    case .weighted:
      let formula = settings.normalization == .minmax ? "(s − min) / (max − min)" : "(s − mean) / σ"
      return "weighted score fusion: Σ_g w_g · normalised_g, normalised = \(formula) over each generator's list"
    }
  }

  /// The fusion tree of `document`: one child per generator (found or not); `generatorTree` explains a
  /// generator's raw score. The root's value equals `score(document)` exactly.
  func explain(_ document: Int, generatorTree: (Int, Candidate) throws -> Explanation) rethrows -> Explanation {
    var children: [Explanation] = []
    for (index, list) in lists.enumerated() {
      let weight = weights[index]
      guard let candidate = list.candidate(for: document) else {
        children.append(.leaf(0, "\(list.generator): \(list.absenceReason), contributes 0"))
        continue
      }
      let own = try generatorTree(index, candidate)
      let found = "rank \(candidate.rank) of \(list.candidates.count) in \(list.generator), score \(Explanation.format(candidate.score))"
      let inner: Explanation
      switch settings.method {
      case .rrf:
        let rank = Explanation(value: Double(candidate.rank), label: found, children: [own])
        inner = .ratio("1 / (k + rank)", .leaf(1, "1"),
                       .sum("k + rank", [.leaf(settings.k, "k (rank constant)"), rank]))
      case .weighted:
        let statistic = statistics[index]
        let raw = Explanation(value: candidate.score, label: "s = \(found)", children: [own])
        switch settings.normalization {
        case .minmax where statistic.maximum > statistic.minimum:
          let minimum = Explanation.leaf(-statistic.minimum, "−min (the lowest of the \(list.candidates.count) \(list.generator) scores)")
          inner = .ratio("normalised = (s − min) / (max − min)", .sum("s − min", [raw, minimum]),
                         .sum("max − min", [.leaf(statistic.maximum, "max (the highest \(list.generator) score)"), minimum]))
        case .minmax:
          inner = Explanation(value: 1, label: "normalised = 1: max = min = \(Explanation.format(statistic.maximum)) over \(list.candidates.count) candidate(s), every one normalises to 1", children: [raw])
        case .zscore where statistic.standardDeviation > 0:
          inner = .ratio("normalised = (s − mean) / σ",
                         .sum("s − mean", [raw, .leaf(-statistic.mean, "−mean of the \(list.candidates.count) \(list.generator) scores")]),
                         .leaf(statistic.standardDeviation, "σ (population standard deviation of those scores)"))
        case .zscore:
          inner = Explanation(value: 0, label: "normalised = 0: σ = 0 over \(list.candidates.count) candidate(s), every one normalises to the mean", children: [raw])
        }
      }
      children.append(.weighted(weight, "\(list.generator): w = \(JSONWriter.format(weight))", [inner]))
    }
    return .sum(methodDescription, children)
  }
}
