/// The related-documents generator `similar:<field>`: the nearest neighbours of a document's own vector in a
/// vector field (through its HNSW graph when it has one, exactly otherwise), the document itself excluded.
struct SimilarDocumentGenerator: CandidateGenerator {
  /// The generator's name over vector field `field`.
  static func generatorName(field: String) -> String { "similar:\(field)" }
  /// The field's searcher.
  let searcher: VectorSearcher
  /// The document's vector.
  let vector: [Float]
  /// The document's id, for explanations.
  let documentId: String
  /// A short name of the field's kind, e.g. "text" or "visual".
  let kind: String

  var name: String { Self.generatorName(field: searcher.fieldName) }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    CandidateList(generator: name, ranked: try searcher.top(query: vector, count: depth, filter: query.filter, efSearch: nil),
                  depth: depth, note: "neighbours of \(documentId) by \(searcher.method)")
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    let similarity = "\(searcher.similarity.rawValue) \(Explanation.format(candidate.score))"
    return try searcher.explain(query: vector, document: candidate.document,
                                label: "\(kind) \(similarity) to \(documentId) (\(searcher.fieldName))")
  }
}
