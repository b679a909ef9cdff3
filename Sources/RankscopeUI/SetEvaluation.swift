import RankscopeEngine

/// What the whole-set panel asks for: both sides' requests (their query text is ignored) run over every judged
/// query, scored against the judgments; rankings already fetched are reused (a rating re-scores without
/// searching again).
public struct SetEvaluationJob: Sendable, Hashable {
  /// The judged queries (those with a relevant judgment), in query id order.
  public var queries: [EvaluationQuery]
  /// The judgments they are scored against.
  public var judgments: Judgments
  /// What A and B run: retrieval mode, fusion and profile.
  public var a: SearchRequest
  public var b: SearchRequest
  /// Rankings fetched before for the same A and B (document ids per query id); missing queries are searched.
  public var knownRankingsA: [String: [String]]
  public var knownRankingsB: [String: [String]]

  /// How many hits each query's ranking holds: `eval`'s and `compare`'s default depth, so the figures agree.
  public static let depth = 1000

  /// Creates a job.
  public init(queries: [EvaluationQuery], judgments: Judgments, a: SearchRequest, b: SearchRequest,
              knownRankingsA: [String: [String]] = [:], knownRankingsB: [String: [String]] = [:]) {
    self.queries = queries
    self.judgments = judgments
    self.a = a
    self.b = b
    self.knownRankingsA = knownRankingsA
    self.knownRankingsB = knownRankingsB
  }
}

/// The whole-set comparison of A and B: the rankings of every judged query and their comparison.
public struct SetEvaluation: Sendable {
  /// Document ids per query id, in trec_eval's run order.
  public var rankingsA: [String: [String]]
  public var rankingsB: [String: [String]]
  /// The comparison on nDCG@10.
  public var comparison: RankerComparison
  /// Query text per query id.
  public var texts: [String: String]

  /// Creates an evaluation.
  public init(rankingsA: [String: [String]], rankingsB: [String: [String]], comparison: RankerComparison,
              texts: [String: String]) {
    self.rankingsA = rankingsA
    self.rankingsB = rankingsB
    self.comparison = comparison
    self.texts = texts
  }

  /// The queries where B scored below A, most regressed first.
  public var regressed: [PairedComparison.QueryDifference] {
    comparison.paired.queriesByDifference.filter { $0.difference < -PairedComparison.tieTolerance }
  }
}

/// The whole-set panel (F9) and the evaluation behind it.
public struct SetEvaluationState: Sendable {
  /// The A and B requests evaluated (query text empty): a different pair makes the evaluation stale.
  public var a: SearchRequest
  public var b: SearchRequest
  /// The generation of the evaluation asked for last.
  public var generation: Int
  /// The evaluation, or why it failed; nil while the first one runs.
  public var result: Result<SetEvaluation, SearchFailure>?
  /// Whether a newer evaluation (after a rating) is running while `result` shows the previous one.
  public var isRefreshing: Bool
  /// Whether the panel is shown (the evaluation stays for F10 jumps when it is closed).
  public var isVisible: Bool
  /// The panel's selected query row, and its first visible row.
  public var cursor: Int
  public var scroll: Int
  /// The regressed query F10 jumped to last (an index into `SetEvaluation.regressed`).
  public var jumpIndex: Int?
  /// Whether F10 was pressed before the evaluation arrived (it jumps once it does).
  public var jumpWhenReady: Bool

  /// Creates the state of an evaluation that has not arrived.
  public init(a: SearchRequest, b: SearchRequest, generation: Int) {
    self.a = a
    self.b = b
    self.generation = generation
    result = nil
    isRefreshing = false
    isVisible = true
    cursor = 0
    scroll = 0
    jumpIndex = nil
    jumpWhenReady = false
  }

  /// The evaluation, when it arrived and did not fail.
  public var evaluation: SetEvaluation? {
    if case .success(let evaluation) = result { return evaluation }
    return nil
  }
}

extension SearchRequest {
  /// The request with its query text and per-search parts removed: what identifies a ranker in an evaluation.
  var rankerOnly: SearchRequest {
    var request = SearchRequest(query: "", limit: SetEvaluationJob.depth, explain: false, retrieval: retrieval,
                                profile: profile)
    request.fusion = fusion
    request.filters = filters
    return request
  }
}
