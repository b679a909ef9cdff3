/// A proposed narrower query (a search guide), with why it was proposed and what it finds.
public struct Refinement: Sendable, Hashable {
  /// Where a refinement came from.
  public enum Source: Sendable, Hashable {
    /// Users in a session went from the parent query to this one (`QueryTransitions`).
    case transition(count: Int, clickedCount: Int, userCount: Int)
    /// A term significant in the parent's top results (`SignificantTerms`): its G² and document frequencies.
    case significantTerm(term: String, score: Double, foregroundFrequency: Int, foregroundSize: Int, backgroundFrequency: Int)

    /// A short name: `transition` or `term`.
    public var name: String {
      switch self {
      case .transition: return "transition"
      case .significantTerm: return "term"
      }
    }
  }

  /// A hit of the refined query's preview.
  public struct PreviewHit: Sendable, Hashable {
    /// The document id.
    public var id: String
    /// The display title, when the schema names one.
    public var title: String?
  }

  /// The refined query text.
  public var text: String
  /// The words it adds to the parent query.
  public var addedWords: [String]
  /// Why it was proposed (one or both sources).
  public var sources: [Source]
  /// Expected engagement (see `RefinementGenerator`): the ranking key.
  public var engagement: Double
  /// Searches in the log whose words hold the refinement's (the engagement estimate's support).
  public var loggedSearches: Int
  /// Of those, searches with a click.
  public var loggedClickedSearches: Int
  /// The refined query's total matches (`SearchResponse.totalMatches`).
  public var totalMatches: Int
  /// Whether `totalMatches` is exact.
  public var totalMatchesIsExact: Bool
  /// The refined query's top hits (3 by default).
  public var preview: [PreviewHit]
  /// Jaccard overlap of the refined and parent queries' top 10.
  public var overlapWithParent: Double

  /// The highest significance score among the sources (0 without a term source).
  public var termScore: Double {
    sources.reduce(0) { best, source in
      if case .significantTerm(_, let score, _, _, _) = source { return max(best, score) }
      return best
    }
  }
}
