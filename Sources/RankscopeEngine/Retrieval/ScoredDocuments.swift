/// The best documents a retrieval path found for a query, best first, and how many documents matched.
struct ScoredDocuments: Sendable {
  /// Documents with their scores: score descending, then document number ascending.
  var hits: [(document: Int, score: Double)]
  /// Documents that matched the query and the filters (a lower bound when `matchCountIsExact` is false).
  var matchCount: Int
  /// Whether `matchCount` counts every match, or only those a pruned search looked at.
  var matchCountIsExact: Bool
}

extension BM25FScorer {
  /// The best `count` documents for `terms` among those `filter` allows (all when it is nil).
  ///
  /// Exhaustive: every posting of every term is scored. The ids and scores are the reference any faster
  /// (pruned) evaluation must reproduce exactly; `top(_:count:filter:)` (block-max MaxScore) does.
  func topExhaustive(_ terms: [ResolvedTerm], count: Int, filter: DocumentFilter?) throws(IndexError) -> ScoredDocuments {
    var (scores, matched) = try scoreAll(terms)
    if let filter { matched.removeAll { !filter.allowed[$0] } }
    return ScoredDocuments(hits: TopK.select(matched, count: count) { scores[$0] }, matchCount: matched.count,
                           matchCountIsExact: true)
  }
}

extension ExactVectorScorer {
  /// The `count` documents most similar to `query` among those `filter` allows, by exact search.
  func top(query: [Float], count: Int, filter: DocumentFilter?) throws(IndexError) -> ScoredDocuments {
    var (scores, matched) = try scoreAll(query: query)
    if let filter { matched.removeAll { !filter.allowed[$0] } }
    return ScoredDocuments(hits: TopK.select(matched, count: count) { scores[$0] }, matchCount: matched.count,
                           matchCountIsExact: true)
  }
}
