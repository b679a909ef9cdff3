import Foundation

/// Next-item evaluation of three recommenders under leave-last-out over the full catalogue: every document the
/// user has no training interaction with is a candidate, and the held-out document's rank gives HR@k and
/// nDCG@k (`NextItemMetrics`).
///
/// - popularity: documents by training degree (users who engaged), ties to the smaller document number;
/// - walk: Pixie walks (`PixieWalker`) on the training graph from the user's `recentCount` latest training
///   documents, each weighted by its interaction weight;
/// - embedding: PureSVD item factors of the training matrix (`ItemFactorization`), the user embedding pooled
///   from the factors of all their training documents, scored by dot product.
///
/// A recommender that ranks fewer than k documents is padded with the most popular remaining ones.
public struct NextItemEvaluation: Sendable {
  /// One recommender's figures.
  public struct Result: Sendable {
    /// `popularity`, `walk` or `embedding`.
    public var name: String
    /// What it was run with.
    public var parameters: String
    /// HR@k and nDCG@k.
    public var metrics: NextItemMetrics
    /// Time to fit and recommend for every user, in seconds.
    public var seconds: Double
    /// The held-out document's rank for each evaluated user (nil: not in the top k), in `users` order.
    public var ranks: [Int?]
  }

  /// The evaluated users' numbers, in the order of every result's `ranks`.
  public private(set) var users: [Int] = []

  /// The cut-off.
  public var k: Int = 10
  /// The walks' settings.
  public var pixie: PixieSettings = PixieSettings(totalSteps: 100_000, restartProbability: 0.5, visitThreshold: 1_000_000,
                                                  highlyVisitedCount: 1_000_000, degreeExponent: 0.5, weightedSteps: true)
  /// How many of the user's latest training documents the walks start from.
  public var recentCount: Int = 10
  /// The factorisation's dimension.
  public var dimension: Int = 32
  /// Subspace iterations of the factorisation.
  public var iterations: Int = 12

  /// Creates an evaluation with the defaults.
  public init() {}

  /// Splits `interactions` (logged order) over `documentCount` documents and evaluates each recommender.
  public mutating func run(_ interactions: [LeaveLastOutSplit.Interaction], documentCount: Int) throws -> [Result] {
    let split = LeaveLastOutSplit(interactions)
    users = split.heldOut.map(\.user)
    let graph = try EngagementGraph(engagements: split.training.map {
      EngagementGraph.Engagement(user: String($0.user), document: $0.document, weight: $0.weight)
    }, documentCount: documentCount)
    var history: [Int: [LeaveLastOutSplit.Interaction]] = [:]
    for interaction in split.training { history[interaction.user, default: []].append(interaction) }
    for user in history.keys {
      history[user]!.sort { $0.timestamp < $1.timestamp }
    }
    let popular = (0..<documentCount).sorted {
      graph.degree(document: $0) != graph.degree(document: $1) ? graph.degree(document: $0) > graph.degree(document: $1) : $0 < $1
    }
    func padded(_ list: [Int], excluded: Set<Int>) -> [Int] {
      var result = Array(list.prefix(k))
      var taken = Set(result)
      for document in popular where result.count < k && !excluded.contains(document) && !taken.contains(document) {
        result.append(document)
        taken.insert(document)
      }
      return result
    }
    func evaluate(_ recommend: ([LeaveLastOutSplit.Interaction], Set<Int>) -> [Int]) -> [Int?] {
      split.heldOut.map { held -> Int? in
        let past = history[held.user] ?? []
        let excluded = Set(past.map(\.document))
        let list = padded(recommend(past, excluded), excluded: excluded)
        return list.firstIndex(of: held.document).map { $0 + 1 }
      }
    }
    func result(_ name: String, _ parameters: String, _ ranks: [Int?]) -> Result {
      Result(name: name, parameters: parameters, metrics: NextItemMetrics(ranks: ranks, k: k), seconds: elapsed(), ranks: ranks)
    }
    var results: [Result] = []
    var start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double {
      let now = DispatchTime.now().uptimeNanoseconds
      defer { start = now }
      return Double(now - start) / 1e9
    }
    let popularity = evaluate { _, _ in [] }
    results.append(result("popularity", "training degree", popularity))

    let walker = PixieWalker(graph: graph, settings: pixie)
    let walk = evaluate { past, excluded in
      let queries = past.suffix(recentCount).map { PixieWalker.Query(document: $0.document, weight: $0.weight) }
      return walker.walk(from: queries).ranked(count: k) { excluded.contains($0) }.map(\.document)
    }
    let steps = pixie.weightedSteps ? "weighted" : "uniform"
    results.append(result("walk", "Pixie: N = \(pixie.totalSteps), α = \(pixie.restartProbability), β = \(pixie.degreeExponent), "
                            + "\(steps) steps, last \(recentCount) items as queries, seed \(pixie.seed)",
                          walk))

    let factorization = ItemFactorization(graph: graph, dimension: dimension, iterations: iterations)
    let embedding = evaluate { past, excluded in
      let user = factorization.pool(past.map { ($0.document, 1) })
      return TopK.select(Array(0..<documentCount).filter { !excluded.contains($0) }, count: k) {
        factorization.score(user, document: $0)
      }.map(\.document)
    }
    results.append(result("embedding", "PureSVD, \(factorization.dimension) dimensions, \(iterations) subspace iterations, "
                            + "user = Σ of the training items' factor rows", embedding))
    return results
  }
}
