import RankscopeEngine

/// What the results list shows: a search for the query, a homefeed for the picked user, or the documents
/// related to one document.
public enum ExplorerMode: Sendable, Hashable {
  /// Results of the query typed.
  case search
  /// The picked user's homefeed (no query): interest neighbours and engagement walks, ranked.
  case homefeed
  /// The documents related to the document with this id: text and visual neighbours, co-engagement walks.
  case related(String)
}

/// A recommendation the explorer asks for: a `RecommendationRequest` without its walker (the performer holds
/// that), so effects stay comparable.
public struct RecommendationQuery: Sendable, Hashable {
  /// Homefeed or related (by document id).
  public var mode: ExplorerMode
  /// The user it is for (a homefeed needs one).
  public var user: UserContext?
  /// How many hits, and which get explanations.
  public var limit: Int
  public var explained: ExplainedHits
  /// The profile whose stages rank the candidates (nil: the recommender's default stages).
  public var profile: RankProfile?

  /// Creates a query.
  public init(mode: ExplorerMode, user: UserContext?, limit: Int, explained: ExplainedHits, profile: RankProfile?) {
    self.mode = mode
    self.user = user
    self.limit = limit
    self.explained = explained
    self.profile = profile
  }

  /// The engine's request, walking `walker` (nil: no walk candidates); nil for `.search` or a homefeed without a
  /// user.
  public func request(walker: PixieWalker?) -> RecommendationRequest? {
    let surface: RecommendationRequest.Surface
    switch mode {
    case .search: return nil
    case .homefeed:
      guard let user else { return nil }
      surface = .homefeed(user)
    case .related(let id): surface = .related(documentId: id, user: user)
    }
    return RecommendationRequest(surface: surface, limit: limit, explain: true, explained: explained, profile: profile,
                                 walker: walker)
  }
}
