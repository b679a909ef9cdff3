/// The lexical generator `bm25f`: the top documents by BM25F over the text fields.
struct BM25FGenerator: CandidateGenerator {
  /// The name every BM25F candidate list carries.
  static let generatorName = "bm25f"
  /// The scorer over the index.
  let scorer: BM25FScorer

  var name: String { Self.generatorName }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    let found = query.terms.isEmpty
      ? ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true)
      : try scorer.top(query.terms, count: depth, filter: query.filter)
    return CandidateList(generator: name, ranked: found, depth: depth)
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    try scorer.explain(query.terms, document: candidate.document)
  }
}
