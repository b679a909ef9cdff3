/// The vector generator `ann:<field>`: the documents whose vectors are most similar (cosine) to the query's
/// embedding. Exact search today; an approximate index plugs in behind the same `top` call.
struct VectorGenerator: CandidateGenerator {
  /// The name of the generator over vector field `field`.
  static func generatorName(field: String) -> String { "ann:\(field)" }
  /// The exact cosine scorer over the field.
  let scorer: ExactVectorScorer
  /// The encoder's name, for explanations.
  let modelName: String

  var name: String { Self.generatorName(field: scorer.fieldName) }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    guard let vector = query.vector else {
      return CandidateList(generator: name, ranked: ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true),
                           depth: depth, note: "the query has no text to embed")
    }
    return CandidateList(generator: name, ranked: try scorer.top(query: vector, count: depth, filter: query.filter),
                         depth: depth)
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    guard let vector = query.vector else { return .leaf(candidate.score, "no query embedding") }
    return try scorer.explain(query: vector, document: candidate.document, modelName: modelName)
  }
}
