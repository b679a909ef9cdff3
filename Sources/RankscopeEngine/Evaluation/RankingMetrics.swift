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

  /// ERR@cutoff (Chapelle, Metzler, Zhang & Grinspan, CIKM 2009, "Expected Reciprocal Rank for Graded
  /// Relevance"): Σ_r (1/r) R_r Π_{i<r} (1 − R_i) with R_i = (2^grade_i − 1) / 2^maximumGrade; `maximumGrade` is
  /// the scale's top grade (gdeval uses 4 for its 0–4 scale; the Evaluator uses the qrels' largest grade).
  public static func expectedReciprocalRank(ranked: [Int], maximumGrade: Int, cutoff: Int) -> Double {
    guard maximumGrade > 0 else { return 0 }
    let scale = pow(2, Double(maximumGrade))
    var total = 0.0
    var continuing = 1.0
    for (index, grade) in ranked.prefix(cutoff).enumerated() {
      let stopping = (pow(2, Double(max(grade, 0))) - 1) / scale
      total += continuing * stopping / Double(index + 1)
      continuing *= 1 - stopping
    }
    return total
  }

  /// judged@cutoff: documents in the first `cutoff` that carry a judgment of any grade (0 included; `nil` is
  /// unjudged), over `cutoff`, as ir_measures' Judged@k (missing ranks count as unjudged).
  public static func judgedShare(ranked: [Int?], cutoff: Int) -> Double {
    guard cutoff > 0 else { return 0 }
    return Double(ranked.prefix(cutoff).filter { $0 != nil }.count) / Double(cutoff)
  }
}
