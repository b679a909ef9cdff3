/// Runs evaluation queries through the engine and scores the rankings against judgments.
public struct Evaluator: Sendable {
  /// The figures for one query.
  public struct QueryResult: Sendable, Hashable {
    /// The query id.
    public var queryId: String
    /// nDCG@10.
    public var ndcgAt10: Double
    /// Average precision over the whole run depth.
    public var averagePrecision: Double
    /// Recall@100.
    public var recallAt100: Double
    /// Reciprocal rank within the first 10.
    public var reciprocalRankAt10: Double
    /// Precision@10.
    public var precisionAt10: Double
    /// ERR@10, on the qrels' grade scale.
    public var expectedReciprocalRankAt10: Double
    /// Share of the first 10 documents that are judged (any grade, 0 included).
    public var judgedAt10: Double
  }

  /// The figures averaged over judged queries, with the per-query ones.
  public struct Summary: Sendable {
    /// Mean nDCG@10.
    public var ndcgAt10: Double
    /// Mean average precision.
    public var meanAveragePrecision: Double
    /// Mean Recall@100.
    public var recallAt100: Double
    /// Mean reciprocal rank@10.
    public var meanReciprocalRankAt10: Double
    /// Mean precision@10.
    public var precisionAt10: Double
    /// Mean ERR@10.
    public var expectedReciprocalRankAt10: Double
    /// Mean judged@10.
    public var judgedAt10: Double
    /// Per judged query, in query id order.
    public var queries: [QueryResult]
    /// The run in TREC format (`qid Q0 docid rank score tag`).
    public var runLines: [String]
    /// Each query's ranked document ids, best first (what the run lists).
    public var rankings: [String: [String]] = [:]
  }

  /// The engine evaluated.
  public let engine: SearchEngine
  /// How many documents each query retrieves (trec_eval's run depth).
  public let depth: Int
  /// Which retrieval path runs the queries.
  public let retrieval: RetrievalMode
  /// Fusion settings of hybrid retrieval (`nil`: the schema's, else the standard ones).
  public let fusion: FusionSettings?
  /// The rank profile that runs the queries instead of `retrieval`, if any.
  public let profile: RankProfile?
  /// The user every query is personalized for (nil: anonymous).
  public var user: UserContext?
  /// Query understanding every query runs with (nil: as typed).
  public var understanding: QueryUnderstandingOptions?

  /// Creates an evaluator.
  public init(engine: SearchEngine, depth: Int = 1000, retrieval: RetrievalMode = .lexical, fusion: FusionSettings? = nil,
              profile: RankProfile? = nil) {
    self.profile = profile
    self.engine = engine
    self.depth = depth
    self.retrieval = retrieval
    self.fusion = fusion
  }

  /// Runs every query and averages the metrics over the queries that have a relevant judgment.
  public func evaluate(queries: [EvaluationQuery], judgments: Judgments, tag: String = "rankscope") throws -> Summary {
    var runLines: [String] = []
    var identifiers: [String: [String]] = [:]
    for query in queries {
      var request = SearchRequest(query: query.text, limit: depth, retrieval: retrieval, fusion: fusion, profile: profile)
      request.user = user
      request.understanding = understanding
      let response = try engine.search(request)
      let ranked = Self.runOrder(response.hits, blended: profile?.blend != nil)
      identifiers[query.id] = ranked.map(\.id)
      for (index, hit) in ranked.enumerated() {
        runLines.append("\(query.id) Q0 \(hit.id) \(index + 1) \(hit.score) \(tag)")
      }
    }
    var summary = Self.summary(of: Self.queryResults(rankings: identifiers, judgments: judgments), runLines: runLines)
    summary.rankings = identifiers
    return summary
  }

  /// The hits in the order trec_eval scores a run, with the run's scores: by score, ties by document id
  /// descending. A blend stage (`blended`) orders hits without changing their scores, so its order is kept and
  /// the scores become the reverse ranks.
  public static func runOrder(_ hits: [SearchHit], blended: Bool) -> [(id: String, score: Double)] {
    if blended {
      return hits.enumerated().map { (id: $0.element.id, score: Double(hits.count - $0.offset)) }
    }
    return hits.map { (id: $0.id, score: $0.score) }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }
  }

  /// Scores rankings (document ids per query, best first) against judgments: one result per query with a
  /// relevant judgment, in query id order; such a query missing from `rankings` scores 0 (trec_eval's `-c`).
  public static func queryResults(rankings: [String: [String]], judgments: Judgments) -> [QueryResult] {
    let maximumGrade = judgments.maximumGrade
    return judgments.judgedQueryIds.map { queryId in
      let ranking = rankings[queryId] ?? []
      let judgedGrades = ranking.map { judgments.judgedGrade(query: queryId, document: $0) }
      let grades = judgedGrades.map { $0 ?? 0 }
      let judged = Array(judgments.grades[queryId, default: [:]].values)
      let relevantCount = judged.filter { $0 > 0 }.count
      return QueryResult(
        queryId: queryId,
        ndcgAt10: RankingMetrics.normalizedDiscountedCumulativeGain(ranked: grades, judged: judged, cutoff: 10),
        averagePrecision: RankingMetrics.averagePrecision(ranked: grades, relevantCount: relevantCount),
        recallAt100: RankingMetrics.recall(ranked: grades, relevantCount: relevantCount, cutoff: 100),
        reciprocalRankAt10: RankingMetrics.reciprocalRank(ranked: grades, cutoff: 10),
        precisionAt10: RankingMetrics.precision(ranked: grades, cutoff: 10),
        expectedReciprocalRankAt10: RankingMetrics.expectedReciprocalRank(ranked: grades, maximumGrade: maximumGrade, cutoff: 10),
        judgedAt10: RankingMetrics.judgedShare(ranked: judgedGrades, cutoff: 10))
    }
  }

  /// The per-query results averaged (0 when there are none), with the run.
  public static func summary(of results: [QueryResult], runLines: [String] = []) -> Summary {
    func mean(_ value: (QueryResult) -> Double) -> Double {
      results.isEmpty ? 0 : results.reduce(0) { $0 + value($1) } / Double(results.count)
    }
    return Summary(ndcgAt10: mean(\.ndcgAt10), meanAveragePrecision: mean(\.averagePrecision),
                   recallAt100: mean(\.recallAt100), meanReciprocalRankAt10: mean(\.reciprocalRankAt10),
                   precisionAt10: mean(\.precisionAt10), expectedReciprocalRankAt10: mean(\.expectedReciprocalRankAt10),
                   judgedAt10: mean(\.judgedAt10), queries: results, runLines: runLines)
  }
}
