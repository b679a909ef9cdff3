/// The intent the top BM25F candidates vote for in one keyword field (as the popular-in-category generator
/// infers its category): each candidate votes once for each value it holds, the most votes win, ties go to the
/// alphabetically first value.
public struct IntentVote: Sendable, Hashable {
  /// The winning value (normalised as the keyword field stores it).
  public let value: String
  /// Candidates holding it.
  public let votes: Int
  /// Candidates that voted.
  public let sampleSize: Int

  /// `votes / sampleSize`.
  public var share: Double { sampleSize == 0 ? 0 : Double(votes) / Double(sampleSize) }

  /// One line saying how the value was chosen.
  public var reason: String {
    "\"\(value)\" inferred: \(votes) of the top \(sampleSize) bm25f candidates hold it (share \(JSONWriter.format((share * 1000).rounded() / 1000)))"
  }
}

/// What the features of one query share, built once per query by `FeatureExtractor.context(query:…)`: the
/// parsed query and its resolved terms, the query embedding, the predicted intent, the centroid of the top
/// candidates' visual vectors, the reference time and the query-log statistics.
public struct FeatureContext: Sendable {
  /// The query as given.
  public let queryText: String
  /// The parsed query (free text, distinct terms, filters).
  public let parsedQuery: ParsedQuery
  /// The query text as the query log groups it (`QueryLogStatistics.normalize`).
  public let normalizedQuery: String
  /// The query embedding, when one was given and is usable.
  public internal(set) var queryEmbedding: [Float]?
  /// Why `queryEmbedding` is nil (or "given").
  public internal(set) var queryEmbeddingNote: String
  /// The category the top candidates vote for, if the schema has the field and candidates were found.
  public let predictedCategory: IntentVote?
  /// The content type the top candidates vote for.
  public let predictedContentType: IntentVote?
  /// The mean of the top candidates' visual vectors, when any of them has one.
  public let visualCentroid: [Float]?
  /// How many vectors `visualCentroid` averages.
  public let visualCentroidCount: Int
  /// The reference time of `freshness`: the newest creation time in the index (so results are deterministic).
  public let referenceTime: Double?
  /// Query-log statistics, when a log was given.
  public let queryLog: QueryLogStatistics?
  /// The query-log intent model's prediction for the query (from query understanding; nil: not understood).
  public internal(set) var intent: IntentPrediction?
  /// The user the personalization features read (nil: an anonymous search, every such feature 0).
  public internal(set) var user: UserContext?
  /// What the personalization features read of `user`, prepared once per query (nil without a user).
  var personalization: PersonalizationInputs?
  /// The top BM25F candidates (document numbers, best first) the intent and centroid come from.
  public let topCandidates: [Int]

  /// Each parsed term resolved against the index (`nil`: no document holds it), aligned with `parsedQuery.terms`.
  let resolvedTerms: [BM25FScorer.ResolvedTerm?]
  /// The query's free text analysed with each text field's analyzer (duplicates and order kept).
  let analyzedQuery: [[String]]
  /// The index the context was made for (its resolved terms point into that index's postings).
  let readerIdentity: ObjectIdentifier

  /// The distinct query terms, in order of first appearance.
  public var terms: [ParsedQuery.Term] { parsedQuery.terms }

  init(queryText: String, parsedQuery: ParsedQuery, normalizedQuery: String, queryEmbedding: [Float]?,
       queryEmbeddingNote: String, predictedCategory: IntentVote?, predictedContentType: IntentVote?,
       visualCentroid: [Float]?, visualCentroidCount: Int, referenceTime: Double?, queryLog: QueryLogStatistics?,
       topCandidates: [Int], resolvedTerms: [BM25FScorer.ResolvedTerm?], analyzedQuery: [[String]],
       readerIdentity: ObjectIdentifier) {
    self.queryText = queryText
    self.parsedQuery = parsedQuery
    self.normalizedQuery = normalizedQuery
    self.queryEmbedding = queryEmbedding
    self.queryEmbeddingNote = queryEmbeddingNote
    self.predictedCategory = predictedCategory
    self.predictedContentType = predictedContentType
    self.visualCentroid = visualCentroid
    self.visualCentroidCount = visualCentroidCount
    self.referenceTime = referenceTime
    self.queryLog = queryLog
    self.topCandidates = topCandidates
    self.resolvedTerms = resolvedTerms
    self.analyzedQuery = analyzedQuery
    self.readerIdentity = readerIdentity
  }
}

/// A document to compute features for, with what the retrieval stage knows of it (both optional).
public struct FeatureCandidate: Sendable, Hashable {
  /// The document number.
  public var document: Int
  /// The retrieval stage's score (fused in hybrid retrieval), for `fused_score`.
  public var retrievalScore: Double?
  /// The best (smallest, from 1) rank any generator gave it, for `best_generator_reciprocal_rank`.
  public var bestGeneratorRank: Int?

  /// Creates a candidate.
  public init(document: Int, retrievalScore: Double? = nil, bestGeneratorRank: Int? = nil) {
    self.document = document
    self.retrievalScore = retrievalScore
    self.bestGeneratorRank = bestGeneratorRank
  }

  /// The candidate of a search hit: its retrieval score (`retrievalScore` when a later stage re-scored it) and
  /// the best rank among its generators.
  public init(hit: SearchHit) {
    self.init(document: hit.documentNumber, retrievalScore: hit.retrievalScore ?? hit.score,
              bestGeneratorRank: hit.sources.map(\.rank).min())
  }
}

/// Feature values of several candidates: one row per candidate, one column per registry feature, row-major.
public struct FeatureMatrix: Sendable, Hashable {
  /// The feature names, in column order.
  public let names: [String]
  /// Number of rows (candidates).
  public let rowCount: Int
  /// `rowCount × names.count` values, row after row.
  public let values: [Double]

  /// The value of feature `column` for candidate `row`.
  public subscript(row: Int, column: Int) -> Double { values[row * names.count + column] }

  /// The feature vector of candidate `row`.
  public func row(_ row: Int) -> ArraySlice<Double> { values[(row * names.count)..<((row + 1) * names.count)] }

  /// The values of feature `name` over all candidates (`nil` when no column has that name).
  public func column(named name: String) -> [Double]? {
    guard let column = names.firstIndex(of: name) else { return nil }
    return (0..<rowCount).map { self[$0, column] }
  }
}
