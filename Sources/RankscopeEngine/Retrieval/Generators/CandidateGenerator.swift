/// What every candidate generator sees of a query: its analyzed terms, its embedding, its filters.
struct GeneratorQuery {
  /// The query's terms resolved against the index (empty when none is indexed).
  var terms: [BM25FScorer.ResolvedTerm]
  /// The query's text embedding, when the query has text and an encoder is attached.
  var vector: [Float]?
  /// Every filter of the request (from the text and from the request).
  var filters: [Filter]
  /// The documents the filters allow (`nil`: all); every generator applies it.
  var filter: DocumentFilter?
}

/// A named source of candidates for a query: returns its best documents with ranks and raw scores, and explains
/// any one of them with the same functions that scored it.
///
/// Generators run in a fixed order (BM25F, vector fields, then generators that look at earlier lists, such as
/// popular-in-category); `earlier` holds the lists already made for the same query.
protocol CandidateGenerator {
  /// The generator's name, used in provenance, weights and explanations.
  var name: String { get }
  /// The generator's best `depth` documents for `query`, filters applied.
  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList
  /// The explanation of `candidate`'s raw score in `list` (its root equals `candidate.score` exactly).
  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation
}
