/// A search: query text (which may carry filters such as `type:video price<50`), extra filters, and paging.
public struct SearchRequest: Sendable, Hashable {
  /// The query as the user typed it.
  public var query: String
  /// Filters applied in addition to those written in the query.
  public var filters: [Filter]
  /// How many hits to return.
  public var limit: Int
  /// Whether to build explanations of the returned hits (those `explained` names).
  public var explain: Bool
  /// Which hits get an explanation when `explain` is on: all (the default), or only some, so a caller showing
  /// one explanation at a time does not pay for the others.
  public var explained: ExplainedHits = .all
  /// Which retrieval path finds candidates.
  public var retrieval: RetrievalMode
  /// How hybrid retrieval fuses its generators (`nil`: the schema's `retrieval.fusion`, else
  /// `FusionSettings.standard`); ignored by the other modes.
  public var fusion: FusionSettings?

  /// The rank profile to run (its generators, fusion, L1 and blend stages); nil runs `retrieval` as above.
  public var profile: RankProfile?
  /// A document id to follow through every stage ("why not X"); the response's `whyNot` reports it.
  public var whyNot: String?
  /// The user to personalize for (the profile and the signals that are on); nil: an anonymous search, where
  /// every personalization feature reads 0.
  public var user: UserContext?
  /// Query understanding (spelling, synonyms, phrases) to apply, with the rewrites switched off; nil searches the
  /// query as typed. Needs an understander installed on the engine (`SearchEngine.install(_:)`).
  public var understanding: QueryUnderstandingOptions?

  /// Whether the hit at 1-based `rank` with id `id` gets an explanation.
  public func explains(rank: Int, id: String) -> Bool { explain && explained.includes(rank: rank, id: id) }

  /// Creates a request.
  public init(query: String, filters: [Filter] = [], limit: Int = 10, explain: Bool = false, explained: ExplainedHits = .all,
              retrieval: RetrievalMode = .lexical, fusion: FusionSettings? = nil, profile: RankProfile? = nil) {
    self.explained = explained
    self.profile = profile
    self.query = query
    self.filters = filters
    self.limit = limit
    self.explain = explain
    self.retrieval = retrieval
    self.fusion = fusion
  }
}

/// Which hits of a page a search explains.
public enum ExplainedHits: Sendable, Hashable {
  /// Every hit.
  case all
  /// The first `count` hits of the page.
  case first(Int)
  /// The hits with these document ids.
  case documents(Set<String>)

  /// Whether the hit at 1-based `rank` with id `id` is explained.
  public func includes(rank: Int, id: String) -> Bool {
    switch self {
    case .all: return true
    case .first(let count): return rank <= count
    case .documents(let ids): return ids.contains(id)
    }
  }
}

/// Which retrieval path a search uses.
public enum RetrievalMode: String, Sendable, Hashable, CaseIterable {
  /// BM25F over the text fields.
  case lexical
  /// Exact cosine similarity between the query's embedding and the documents' text embeddings.
  case semantic
  /// Both, fused (BM25F and the text embedding, plus popular-in-category when the fusion weights name it).
  case hybrid

  /// Whether the mode needs the query's text embedding (and so the sentence encoder).
  public var needsEmbedding: Bool { self != .lexical }
}

/// A condition a document must meet to be returned; it never changes a score.
public enum Filter: Sendable, Hashable, CustomStringConvertible {
  /// The keyword field has one of `values` (compared after the field's keyword analysis).
  case keyword(field: String, values: [String])
  /// The numeric field lies in the range; a missing value never matches.
  case range(field: String, lower: Double?, lowerInclusive: Bool, upper: Double?, upperInclusive: Bool)
  /// The inner filter does not match.
  indirect case not(Filter)

  public var description: String {
    switch self {
    case .keyword(let field, let values):
      return "\(field):\(values.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ","))"
    case .range(let field, let lower, let lowerInclusive, let upper, let upperInclusive):
      var parts: [String] = []
      if let lower { parts.append("\(field)\(lowerInclusive ? ">=" : ">")\(Self.format(lower))") }
      if let upper { parts.append("\(field)\(upperInclusive ? "<=" : "<")\(Self.format(upper))") }
      return parts.joined(separator: " ")
    case .not(let inner):
      return "-\(inner)"
    }
  }

  private static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
