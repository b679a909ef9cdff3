import Foundation

/// Hit rate and nDCG at k for next-item recommendation with one held-out item per user: HR@k is 1 when the item
/// is in the top k, nDCG@k is `1 / log2(1 + rank)` when it is (the ideal DCG of one relevant item is 1), both 0
/// otherwise; figures are means over the evaluated users.
public struct NextItemMetrics: Sendable, Hashable {
  /// The cut-off k.
  public var k: Int
  /// Users evaluated.
  public var users: Int
  /// Mean HR@k.
  public var hitRate: Double
  /// Mean nDCG@k.
  public var ndcg: Double

  /// HR@k of one user whose held-out item is at 1-based `rank` (nil: not ranked).
  public static func hit(rank: Int?, k: Int) -> Double {
    guard let rank, rank >= 1, rank <= k else { return 0 }
    return 1
  }

  /// nDCG@k of one user whose held-out item is at 1-based `rank` (nil: not ranked).
  public static func ndcg(rank: Int?, k: Int) -> Double {
    guard let rank, rank >= 1, rank <= k else { return 0 }
    return 1 / log2(Double(1 + rank))
  }

  /// The metrics of the held-out items' ranks (one per user; nil when not ranked).
  public init(ranks: [Int?], k: Int) {
    self.k = k
    users = ranks.count
    let count = Double(max(1, ranks.count))
    hitRate = ranks.reduce(0) { $0 + Self.hit(rank: $1, k: k) } / count
    ndcg = ranks.reduce(0) { $0 + Self.ndcg(rank: $1, k: k) } / count
  }
}
