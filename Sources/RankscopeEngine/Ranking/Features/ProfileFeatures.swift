/// What a profile's L2 stage sees for a query: the profile runs up to its L2 stage (retrieval, fusion, L1; no L2,
/// no blend), and every candidate L1 hands on (else every retrieved one) gets its feature vector.
///
/// `FeatureLog` writes these for judged queries; `ClickTrainingSet` computes them for logged searches.
public struct ProfileFeatures {
  /// The engine the profile runs on (its query log feeds the click features).
  public let engine: SearchEngine
  /// The extractor of the engine's feature registry.
  public let extractor: FeatureExtractor
  /// The profile without its L2 and blend stages.
  public let upstream: RankProfile
  /// Candidates kept: L1's `keep`, else the deepest generator's depth.
  public let depth: Int
  /// The user the searches are personalized for (nil: anonymous, and the personalization columns are left out).
  public let user: UserContext?
  /// The columns: the registry's features (the personalization group only with a user).
  public let features: [FeatureDefinition]
  /// Query understanding the searches run with (nil: as typed), so a model trained on these features sees what
  /// the ranker will see when it serves understood queries.
  public var understanding: QueryUnderstandingOptions?

  /// The candidates' features of `profile` on `engine`, personalized for `user` when given.
  public init(engine: SearchEngine, profile: RankProfile, user: UserContext? = nil) throws {
    self.user = user
    self.engine = engine
    extractor = try engine.featureExtractor()
    var upstream = profile
    upstream.l2 = nil
    upstream.blend = nil
    self.upstream = upstream
    features = extractor.registry.definitions(personalized: user != nil)
    depth = upstream.l1?.keep ?? upstream.retrieval.generators.map(\.depth).max() ?? 100
  }

  /// The feature names, in registry order (the matrix's columns).
  public var featureNames: [String] { features.map(\.name) }

  /// The candidates for `query`, in the order L1 hands them on, and their feature matrix (one row each).
  public func candidates(query: String) throws -> (ids: [String], features: FeatureMatrix) {
    var request = SearchRequest(query: query, limit: depth, profile: upstream)
    request.user = user
    request.understanding = understanding
    let response = try engine.search(request)
    var embedding: [Float]?
    if let embedder = engine.embedder, engine.semanticStatus.isAvailable, !response.parsedQuery.text.isEmpty {
      embedding = try embedder.embed(response.parsedQuery.text)
    }
    let understood = response.interpretation != nil
    let context = try extractor.context(query: query, queryEmbedding: embedding, queryLog: engine.queryLog, user: user,
                                        parsed: understood ? response.parsedQuery : nil, intent: response.interpretation?.intent)
    let matrix = try extractor.values(candidates: response.hits.map { FeatureCandidate(hit: $0) }, features: features,
                                      context: context)
    return (response.hits.map(\.id), matrix)
  }
}
