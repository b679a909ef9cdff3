import Foundation

/// nDCG with exponential gains, the learning-to-rank convention (Burges et al. 2005, "Learning to Rank using
/// Gradient Descent"; the MSLR/LETOR benchmarks and LightGBM): unlike `RankingMetrics`'s trec_eval nDCG, a
/// grade `g` gains `2^g − 1`.
extension RankingMetrics {
  /// nDCG@cutoff of one query with gain `2^grade − 1` and discount `1/log2(rank + 1)` (ranks from 1): documents
  /// ordered by score, highest first, equal scores kept in their given order; the ideal DCG comes from all the
  /// query's grades; 0 when no document has a positive grade.
  public static func exponentialGainNDCG(scores: ArraySlice<Double>, grades: ArraySlice<Double>, cutoff: Int) -> Double {
    precondition(scores.count == grades.count, "one score per grade")
    guard cutoff > 0, !grades.isEmpty else { return 0 }
    let gradeList = Array(grades)
    let scoreList = Array(scores)
    let ideal = exponentialGainDCG(gradeList.sorted(by: >), cutoff: cutoff)
    guard ideal > 0 else { return 0 }
    let order = scoreList.indices.sorted { scoreList[$0] > scoreList[$1] || (scoreList[$0] == scoreList[$1] && $0 < $1) }
    return exponentialGainDCG(order.map { gradeList[$0] }, cutoff: cutoff) / ideal
  }

  /// DCG@cutoff of grades in ranked order: Σ (2^grade − 1) / log2(rank + 1).
  public static func exponentialGainDCG(_ grades: [Double], cutoff: Int) -> Double {
    var total = 0.0
    for (index, grade) in grades.prefix(cutoff).enumerated() {
      total += (pow(2, grade) - 1) / log2(Double(index + 2))
    }
    return total
  }

  /// Mean `exponentialGainNDCG` over queries (`queryBoundaries[q]..<queryBoundaries[q + 1]` are query `q`'s
  /// rows); queries without a relevant document count 0.
  public static func meanExponentialGainNDCG(scores: [Double], grades: [Double], queryBoundaries: [Int],
                                             cutoff: Int) -> Double {
    let queryCount = queryBoundaries.count - 1
    guard queryCount > 0 else { return 0 }
    var total = 0.0
    for query in 0..<queryCount {
      let rows = queryBoundaries[query]..<queryBoundaries[query + 1]
      total += exponentialGainNDCG(scores: scores[rows], grades: grades[rows], cutoff: cutoff)
    }
    return total / Double(queryCount)
  }
}
