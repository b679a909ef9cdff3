/// Two rankers' rankings of the same judged queries, scored and compared: each side's per-query metrics, the
/// paired comparison of one metric (`PairedComparison`), and how much the two rankings overlap per query
/// (Jaccard@10 and extrapolated rank-biased overlap with p = 0.9, `RankOverlap`).
///
/// `rankings compare` and the explorer's whole-set panel both build their figures with this type.
public struct RankerComparison: Sendable {
  /// The metric compared.
  public let metric: QueryMetric
  /// A's and B's metrics per judged query (query id order, the same queries on both sides).
  public let resultsA: [Evaluator.QueryResult]
  public let resultsB: [Evaluator.QueryResult]
  /// The paired comparison of `metric` over the judged queries.
  public let paired: PairedComparison
  /// Jaccard@10 of the two rankings, per judged query (in `resultsA`'s order).
  public let jaccardAt10: [Double]
  /// Extrapolated rank-biased overlap (p = 0.9) of the two rankings, per judged query.
  public let rankBiasedOverlap: [Double]

  /// Scores `rankingsA` and `rankingsB` (document ids per query id, best first) against `judgments` and compares
  /// them on `metric`; throws when no query has a relevant judgment.
  public init(rankingsA: [String: [String]], rankingsB: [String: [String]], judgments: Judgments,
              metric: QueryMetric = .ndcg10, options: PairedComparison.Options = .init()) throws(ComparisonError) {
    self.metric = metric
    resultsA = Evaluator.queryResults(rankings: rankingsA, judgments: judgments)
    resultsB = Evaluator.queryResults(rankings: rankingsB, judgments: judgments)
    let queryIds = resultsA.map(\.queryId)
    paired = try PairedComparison(queryIds: queryIds, a: resultsA.map(metric.value), b: resultsB.map(metric.value),
                                  options: options)
    var jaccard: [Double] = []
    var overlap: [Double] = []
    for id in queryIds {
      let first = rankingsA[id] ?? []
      let second = rankingsB[id] ?? []
      jaccard.append(RankOverlap.jaccard(first, second, cutoff: 10))
      // p = 0.9 is in range, so this cannot throw.
      overlap.append((try? RankOverlap.rankBiasedOverlap(first, second).extrapolated) ?? 0)
    }
    jaccardAt10 = jaccard
    rankBiasedOverlap = overlap
  }

  /// The judged query ids compared, in order.
  public var queryIds: [String] { resultsA.map(\.queryId) }

  /// Mean Jaccard@10 over the queries.
  public var meanJaccardAt10: Double { Self.mean(jaccardAt10) }

  /// Mean extrapolated RBO over the queries.
  public var meanRankBiasedOverlap: Double { Self.mean(rankBiasedOverlap) }

  private static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}
