import RankscopeEngine

/// A `SearchEngine` with the query log's guides: autocomplete and refinements for the explorer (`explore`,
/// `replay`); every search goes to the engine unchanged.
public struct GuidedSearchService: SearchService {
  /// The engine searched.
  public var engine: SearchEngine
  /// The completer and refinement generator (nil: no query log, `unavailableReason` says why).
  public var guides: QueryGuides?
  /// Why there are no guides, when `guides` is nil.
  public var unavailableReason: String

  /// Creates a service over `engine` with `guides` (nil: autocomplete and refinements are off for
  /// `unavailableReason`).
  public init(engine: SearchEngine, guides: QueryGuides?, unavailableReason: String = "no query log") {
    self.engine = engine
    self.guides = guides
    self.unavailableReason = unavailableReason
  }

  /// Whether the engine understands queries (an understander is installed or being built).
  public var understandsQueries: Bool { engine.understandsQueries }
  /// Whether the engine's understander is installed.
  public var isUnderstandingReady: Bool { engine.understander != nil }
  /// The engine's schema.
  public var schema: Schema { engine.schema }
  /// The engine's document count.
  public var documentCount: Int { engine.documentCount }
  /// Whether the engine can search semantically.
  public var semanticStatus: SemanticStatus { engine.semanticStatus }
  /// Searches the engine.
  public func search(_ request: SearchRequest) throws -> SearchResponse { try engine.search(request) }
  /// A stored document of the engine.
  public func storedDocument(_ documentNumber: Int) throws -> JSONValue { try engine.storedDocument(documentNumber) }
  /// Compares two documents on the engine.
  public func compare(_ request: SearchRequest, _ first: String, _ second: String) throws -> HitComparison {
    try engine.compare(request, first, second)
  }
  /// Recomputes a user's profile on the engine.
  public func rebuildProfile(_ profile: UserProfile, hiding hidden: Set<Int>) throws -> UserProfile {
    try engine.rebuildProfile(profile, hiding: hidden)
  }
  /// Recommends on the engine.
  public func recommend(_ request: RecommendationRequest) throws -> SearchResponse { try engine.recommend(request) }

  /// Ready, building, or why the guides are off.
  public var guideStatus: QueryGuideStatus { guides?.status ?? .unavailable(unavailableReason) }

  /// The completer's `k` best suggestions for `prefix` (fails at once while building).
  public func complete(prefix: String, user: String?, k: Int) throws -> [CompletionSuggestion] {
    guard let guides else { throw SearchFailure(message: QueryGuideStatus.unavailable(unavailableReason).description) }
    return try guides.complete(prefix: prefix, user: user, k: k)
  }

  /// The generator's `k` best refinements of `query` (waits for the build).
  public func refinements(of query: String, user: String?, k: Int) throws -> [Refinement] {
    guard let guides else { throw SearchFailure(message: QueryGuideStatus.unavailable(unavailableReason).description) }
    return try guides.refinements(of: query, user: user, k: k)
  }
}
