/// A query of the judged set.
public struct SampleJudgedQuery: Sendable, Hashable {
  /// The query's id, "q001" and up.
  public var id: String
  /// The query text.
  public var text: String
  /// The text the query was generated from when a typo was put into it (nil: typed as meant).
  public var intended: String?
}

/// A graded relevance judgment, one line of TREC qrels.
public struct SampleJudgment: Sendable, Hashable {
  /// The query's id.
  public var queryID: String
  /// The pin's id.
  public var docID: String
  /// 0 (not relevant) to 3 (exactly what the query asks for).
  public var grade: Int
}
