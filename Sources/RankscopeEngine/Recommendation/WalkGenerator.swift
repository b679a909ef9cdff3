/// The generator `pixie`: documents visited by Pixie walks (`PixieWalker`) from query documents on the
/// engagement graph, scored `(Σ_q √visits_q)² / deg^β`; the explanation names each query document and its
/// visits ("walk visits 37 from p00123").
struct WalkGenerator: CandidateGenerator {
  /// The generator's name.
  static let generatorName = "pixie"
  /// The walker.
  let walker: PixieWalker
  /// The query documents and their weights.
  let queries: [PixieWalker.Query]
  /// Documents' ids, for explanations.
  let reader: IndexReader
  /// The walks, made once per request (the generator is a value made per request).
  let visits: PixieVisits

  init(walker: PixieWalker, queries: [PixieWalker.Query], reader: IndexReader) {
    self.walker = walker
    self.queries = queries
    self.reader = reader
    visits = walker.walk(from: queries)
  }

  var name: String { Self.generatorName }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    let querySet = Set(queries.map(\.document))
    let ranked = visits.ranked(count: depth) { document in
      querySet.contains(document) || (query.filter.map { !$0.allowed[document] } ?? false)
    }
    let early = visits.queries.filter(\.stoppedEarly).count
    let note = queries.isEmpty ? "no query documents (no engagement to walk from)"
      : "\(visits.queries.count) query pin(s), \(visits.totalSteps) steps (\(early) stopped early)"
    return CandidateList(generator: name, ranked: ScoredDocuments(hits: ranked, matchCount: ranked.count,
        matchCountIsExact: false),
                         depth: depth, note: note)
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    var tree = visits.explain(candidate.document) { (try? reader.id(of: $0)) ?? "#\($0)" }
    tree.label = "co-engagement walks: " + tree.label
    return tree
  }
}
