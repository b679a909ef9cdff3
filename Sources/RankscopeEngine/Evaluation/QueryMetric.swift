/// A per-query metric that two rankers can be compared on, named as `compare --metric` and reports print it.
public enum QueryMetric: String, Sendable, Hashable, CaseIterable {
  case ndcg10 = "ndcg@10", map, p10 = "p@10", recall100 = "recall@100", mrr10 = "mrr@10", err10 = "err@10"

  /// The name as tables print it, e.g. `nDCG@10`.
  public var label: String {
    switch self {
    case .ndcg10: return "nDCG@10"
    case .map: return "MAP"
    case .p10: return "P@10"
    case .recall100: return "Recall@100"
    case .mrr10: return "MRR@10"
    case .err10: return "ERR@10"
    }
  }

  /// The metric's value in one query's result.
  public func value(_ result: Evaluator.QueryResult) -> Double {
    switch self {
    case .ndcg10: return result.ndcgAt10
    case .map: return result.averagePrecision
    case .p10: return result.precisionAt10
    case .recall100: return result.recallAt100
    case .mrr10: return result.reciprocalRankAt10
    case .err10: return result.expectedReciprocalRankAt10
    }
  }
}
