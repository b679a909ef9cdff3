/// The vector generator `ann:<field>`: the documents whose vectors are most similar to the query's embedding,
/// by the field's similarity, through its HNSW graph when it has one (exactly otherwise).
struct VectorGenerator: CandidateGenerator {
  /// The name of the generator over vector field `field`.
  static func generatorName(field: String) -> String { "ann:\(field)" }
  /// The nearest-neighbour searcher of the field.
  let searcher: VectorSearcher
  /// The encoder's name, for explanations.
  let modelName: String

  var name: String { Self.generatorName(field: searcher.fieldName) }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    guard let vector = query.vector else {
      return CandidateList(generator: name, ranked: ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true),
                           depth: depth, note: "the query has no text to embed")
    }
    return CandidateList(generator: name, ranked: try searcher.top(query: vector, count: depth, filter: query.filter, efSearch: nil),
                         depth: depth)
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    guard let vector = query.vector else { return .leaf(candidate.score, "no query embedding") }
    return try searcher.explain(query: vector, document: candidate.document,
                                label: "semantic: \(searcher.similarity.rawValue)(query, \(searcher.fieldName)) by \(modelName)")
  }
}
