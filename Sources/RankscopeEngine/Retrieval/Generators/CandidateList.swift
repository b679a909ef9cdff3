/// One document a generator found: where it ranked in that generator's list and the generator's raw score.
public struct Candidate: Sendable, Hashable {
  /// The internal document number.
  public var document: Int
  /// Rank in the generator's list, from 1.
  public var rank: Int
  /// The generator's own score (BM25F, cosine, popularity…).
  public var score: Double
}

/// What one candidate generator found for a query: its candidates best first, how many documents matched,
/// and (for generators that decide something, like a category) why.
public struct CandidateList: Sendable {
  /// The generator's name, e.g. `bm25f`, `ann:text_embedding`, `popular:category`.
  public var generator: String
  /// The candidates, rank 1 first (score descending, ties by document number).
  public var candidates: [Candidate]
  /// How many documents the generator matched before its cut to `depth`.
  public var matchCount: Int
  /// Whether `matchCount` is exact (a pruned search may only give a lower bound).
  public var matchCountIsExact: Bool
  /// The most candidates the generator was asked for.
  public var depth: Int
  /// Why the generator found what it found, when that needs saying (e.g. how a category was chosen).
  public var note: String?
  private var positions: [Int: Int]

  /// Creates a list from ranked documents and scores (best first).
  init(generator: String, ranked: ScoredDocuments, depth: Int, note: String? = nil) {
    self.generator = generator
    candidates = ranked.hits.enumerated().map { Candidate(document: $1.document, rank: $0 + 1, score: $1.score) }
    matchCount = ranked.matchCount
    matchCountIsExact = ranked.matchCountIsExact
    self.depth = depth
    self.note = note
    positions = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.document, $0) })
  }

  /// The candidate for `document`, if the generator found it.
  public func candidate(for document: Int) -> Candidate? {
    positions[document].map { candidates[$0] }
  }

  /// Why a document is absent from this list, for its explanation: not matched at all, or below the cut.
  var absenceReason: String {
    candidates.count < depth
      ? "not found by \(generator) (it found \(candidates.count))"
      : "not in top \(depth) of \(generator)"
  }
}
