/// A deterministic split of judged queries into a training part and a held-out part, so a model trained on
/// one is evaluated on the other: judged query ids sorted (by bytes), every fourth one (positions 3, 7, 11…,
/// counting from 0) is held out — a quarter of the queries, spread over the whole id range.
public enum QuerySplit: String, Sendable, Hashable, CaseIterable {
  /// Every judged query.
  case all
  /// The three quarters used for training.
  case train
  /// The held-out quarter.
  case test

  /// The judged query ids in this part.
  public func queryIds(_ judgments: Judgments) -> Set<String> {
    let sorted = judgments.judgedQueryIds.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    return Set(sorted.enumerated().filter { includes(position: $0.offset) }.map(\.element))
  }

  /// Whether the query at `position` in the sorted judged ids belongs to this part.
  public func includes(position: Int) -> Bool {
    switch self {
    case .all: return true
    case .train: return position % 4 != 3
    case .test: return position % 4 == 3
    }
  }

  /// The queries and judgments of this part.
  public func apply(queries: [EvaluationQuery], judgments: Judgments) -> (queries: [EvaluationQuery], judgments: Judgments) {
    guard self != .all else { return (queries, judgments) }
    let ids = queryIds(judgments)
    return (queries.filter { ids.contains($0.id) }, Judgments(grades: judgments.grades.filter { ids.contains($0.key) }))
  }
}
