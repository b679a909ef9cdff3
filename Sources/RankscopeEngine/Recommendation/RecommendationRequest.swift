/// A recommendation with no query: a homefeed for a user, or the documents related to one document; ranked by a
/// rank profile's L1, L2 and blend stages after the surface's own candidate generators (see
/// `SearchEngine.recommend(_:)`).
public struct RecommendationRequest: Sendable {
  /// What is recommended.
  public enum Surface: Sendable {
    /// A homefeed for the context's user: candidates near their interests and from walks from their recent
    /// engagements.
    case homefeed(UserContext)
    /// Documents related to the document with this id: text and visual neighbours and co-engagement walks,
    /// personalized for the user when one is given.
    case related(documentId: String, user: UserContext?)
  }

  /// The surface.
  public var surface: Surface
  /// How many hits to return.
  public var limit: Int
  /// Whether to build explanations of the hits `explained` names.
  public var explain: Bool
  /// Which hits get an explanation when `explain` is on.
  public var explained: ExplainedHits
  /// The profile whose L1, L2 and blend stages rank the candidates (its generators are replaced by the
  /// surface's); nil: `RecommendationSettings.defaultProfile`.
  public var profile: RankProfile?
  /// The walker over the engagement graph (nil: no walk candidates, and the response says so).
  public var walker: PixieWalker?
  /// Depths, quotas and exclusions.
  public var settings: RecommendationSettings

  /// Creates a request.
  public init(surface: Surface, limit: Int = 10, explain: Bool = false, explained: ExplainedHits = .all,
              profile: RankProfile? = nil, walker: PixieWalker? = nil, settings: RecommendationSettings = .standard) {
    self.surface = surface
    self.limit = limit
    self.explain = explain
    self.explained = explained
    self.profile = profile
    self.walker = walker
    self.settings = settings
  }

  /// The user the recommendation is for, if any.
  public var user: UserContext? {
    switch surface {
    case .homefeed(let user): return user
    case .related(_, let user): return user
    }
  }
}

/// The generators' depths and the exclusions of recommendations.
public struct RecommendationSettings: Sendable, Hashable {
  /// Candidates from the interests' nearest neighbours, shared among interests by importance.
  public var interestDepth: Int
  /// Candidates from the walks.
  public var walkDepth: Int
  /// Candidates from each vector field's nearest neighbours (related documents).
  public var neighbourDepth: Int
  /// How many of the user's latest engaged documents the homefeed's walks start from.
  public var recentQueryCount: Int
  /// Whether documents the user engaged with (other than hiding) are left out of a homefeed.
  public var excludeSeen: Bool
  /// How the generators' lists are fused.
  public var fusion: FusionSettings

  /// Creates settings; the defaults suit the sample world.
  public init(interestDepth: Int = 100, walkDepth: Int = 100, neighbourDepth: Int = 100, recentQueryCount: Int = 20,
              excludeSeen: Bool = true, fusion: FusionSettings = FusionSettings(method: .rrf, k: 60)) {
    self.interestDepth = interestDepth
    self.walkDepth = walkDepth
    self.neighbourDepth = neighbourDepth
    self.recentQueryCount = recentQueryCount
    self.excludeSeen = excludeSeen
    self.fusion = fusion
  }

  /// The defaults.
  public static let standard = RecommendationSettings()

  /// The stages used when a request names no profile: an L1 over the fused score and the query-free features
  /// the registry offers (personalization, popularity, freshness), keeping 100, then a diverse blend over the
  /// first vector field (MMR λ 0.8, at most 2 per board when the schema has one).
  public static func defaultProfile(registry: FeatureRegistry, schema: Schema) -> RankProfile {
    let wanted: [(String, Double)] = [("fused_score", 20), ("interest_similarity", 1), ("user_similarity", 0.5),
                                      ("category_affinity", 0.5), ("log_saves", 0.05), ("freshness", 0.2),
                                      ("hidden_before", -10)]
    let weights = wanted.filter { (try? registry.definition(named: $0.0)) != nil }.map { (feature: $0.0, weight: $0.1) }
    let visual = schema.vectorFields.first { $0.embedding == nil }?.name ?? schema.vectorFields.first?.name
    let board = schema.fields.first { $0.name == "board" }?.name
    let type = schema.keywordFields.first { $0.name == "type" }?.name
    let blend = RankProfile.Blend(settings: BlendSettings(keep: 50, mmrLambda: visual == nil ? 1 : 0.8,
                                                          maxPerBoard: board == nil ? nil : 2),
                                  similarityField: visual, typeField: type, boardField: board)
    return RankProfile(name: "recommend",
        summary: "query-free L1 over the fused score, personalization, popularity and freshness; diverse blend",
                       retrieval: .init(generators: []), l1: .init(keep: 100, weights: weights), blend: blend)
  }
}
