import Foundation

/// Ranking metrics with trec_eval's definitions (Järvelin & Kekäläinen 2002 for nDCG; Voorhees 2000 for
/// MAP): a document is relevant when its grade is above 0; gains are the grades themselves; the ideal
/// ranking holds every judged relevant document.
public enum RankingMetrics {
  /// Discounted cumulative gain of the first `cutoff` grades: Σ grade_i / log2(i + 1).
  public static func discountedCumulativeGain(_ grades: [Int], cutoff: Int) -> Double {
    var total = 0.0
    for (index, grade) in grades.prefix(cutoff).enumerated() where grade > 0 {
      total += Double(grade) / log2(Double(index + 2))
    }
    return total
  }

  /// nDCG@cutoff: DCG of the ranking over DCG of the ideal ranking of all judged grades.
  public static func normalizedDiscountedCumulativeGain(ranked: [Int], judged: [Int], cutoff: Int) -> Double {
    let ideal = discountedCumulativeGain(judged.filter { $0 > 0 }.sorted(by: >), cutoff: cutoff)
    return ideal > 0 ? discountedCumulativeGain(ranked, cutoff: cutoff) / ideal : 0
  }

  /// Average precision: the mean of precision at each relevant retrieved document, over all relevant ones.
  public static func averagePrecision(ranked: [Int], relevantCount: Int) -> Double {
    guard relevantCount > 0 else { return 0 }
    var found = 0
    var sum = 0.0
    for (index, grade) in ranked.enumerated() where grade > 0 {
      found += 1
      sum += Double(found) / Double(index + 1)
    }
    return sum / Double(relevantCount)
  }

  /// Recall@cutoff: relevant documents in the first `cutoff` over all relevant ones.
  public static func recall(ranked: [Int], relevantCount: Int, cutoff: Int) -> Double {
    guard relevantCount > 0 else { return 0 }
    return Double(ranked.prefix(cutoff).filter { $0 > 0 }.count) / Double(relevantCount)
  }

  /// Reciprocal rank of the first relevant document within `cutoff` (0 when none).
  public static func reciprocalRank(ranked: [Int], cutoff: Int) -> Double {
    guard let index = ranked.prefix(cutoff).firstIndex(where: { $0 > 0 }) else { return 0 }
    return 1 / Double(index + 1)
  }

  /// Precision@cutoff: relevant documents in the first `cutoff`, over `cutoff`.
  public static func precision(ranked: [Int], cutoff: Int) -> Double {
    Double(ranked.prefix(cutoff).filter { $0 > 0 }.count) / Double(cutoff)
  }
}
