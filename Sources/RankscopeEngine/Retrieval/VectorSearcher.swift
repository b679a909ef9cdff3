/// Nearest-neighbour retrieval over one vector field: through its HNSW graph when the schema asks for one,
/// exhaustively otherwise, with int8 traversal and float32 re-scoring when the field is quantized.
///
/// Returned scores are always the field's float32 similarity (`VectorSimilarity`) of the query and the
/// document, converted to `Double`, and `explain` recomputes them with the same function.
///
/// Filters: documents the filter rejects are traversed but never admitted (see `HNSWSearcher`). When the
/// filter admits fewer than 1 in 20 of the graph's documents (`exactFallbackFraction`), the graph would have
/// to wade through mostly rejected nodes, so the search runs exactly over the admitted documents instead
/// (at most 5% of a full scan).
public struct VectorSearcher: Sendable {
  /// The fraction of graph documents below which a filtered search is exact.
  static let exactFallbackFraction = 0.05

  /// The field's name.
  public let fieldName: String
  let exact: ExactVectorScorer
  let index: VectorFieldIndex?
  private let pool: HNSWScratchPool

  /// The searcher of vector field `field` (its position among the schema's vector fields) of an index.
  public init(reader: IndexReader, field: Int) throws(IndexError) {
    guard reader.schema.vectorFields.indices.contains(field) else {
      throw IndexError.invalidInput("there is no vector field number \(field)")
    }
    let name = reader.schema.vectorFields[field].name
    self.init(exact: try ExactVectorScorer(reader: reader, field: field, fieldName: name),
              index: reader.vectorIndexes[field], fieldName: name)
  }

  /// A searcher over vectors held outside an index (loaded or built by the caller).
  init(exact: ExactVectorScorer, index: VectorFieldIndex?, fieldName: String) {
    self.exact = exact
    self.index = index
    self.fieldName = fieldName
    pool = HNSWScratchPool(nodeCount: exact.store.count, dimension: exact.store.dimension)
  }

  /// Builds the search structures of `vectors` in memory, as an index build would, and returns the searcher
  /// with the serialised index file (empty for an exact, unquantized field). `progress` gets 0…1.
  public static func build(vectors: VectorStore, similarity: VectorSimilarity, index: VectorIndexOptions,
                           quantization: VectorQuantization?, fieldName: String = "vector",
                           progress: (Double) -> Void = { _ in }) throws(IndexError) -> (searcher: VectorSearcher, file: [UInt8]) {
    guard let bytes = VectorFieldIndex.build(vectors: vectors, similarity: similarity, index: index,
                                             quantization: quantization, progress: progress) else {
      return (VectorSearcher(exact: ExactVectorScorer(store: vectors, similarity: similarity, fieldName: fieldName),
                             index: nil, fieldName: fieldName), [])
    }
    let loaded = try VectorFieldIndex(region: ByteRegion(copying: bytes, name: "\(fieldName) vector index"),
                                      documentCount: vectors.count, dimension: vectors.dimension, similarity: similarity)
    return (VectorSearcher(exact: ExactVectorScorer(store: vectors, similarity: similarity, fieldName: fieldName),
                           index: loaded, fieldName: fieldName), bytes)
  }

  /// A searcher over `vectors` with an index file `build` wrote earlier (a benchmark's cache), validated
  /// against them as an index's file is; throws `IndexError.corrupt` naming `region` on any mismatch.
  public static func load(vectors: VectorStore, similarity: VectorSimilarity, region: ByteRegion,
                          fieldName: String = "vector") throws(IndexError) -> VectorSearcher {
    let loaded = try VectorFieldIndex(region: region, documentCount: vectors.count, dimension: vectors.dimension,
                                      similarity: similarity)
    return VectorSearcher(exact: ExactVectorScorer(store: vectors, similarity: similarity, fieldName: fieldName),
                          index: loaded, fieldName: fieldName)
  }

  /// The HNSW parameters of the graph, when the field has one.
  public var graphParameters: HNSWParameters? { index?.graph == nil ? nil : index?.parameters }

  /// Whether the field is searched through int8 codes.
  public var isQuantized: Bool { index?.codes != nil }

  /// How this searcher finds neighbours, for messages: "HNSW (M 16, efSearch 64), int8" or "exact".
  public var method: String {
    var parts: [String] = []
    if let index, index.graph != nil {
      parts.append("HNSW (M \(index.parameters.M), efConstruction \(index.parameters.efConstruction), efSearch \(index.parameters.efSearch))")
    } else {
      parts.append("exact")
    }
    if index?.codes != nil { parts.append("int8 with float32 re-scoring") }
    return parts.joined(separator: ", ")
  }

  /// The similarity the field uses.
  public var similarity: VectorSimilarity { exact.similarity }

  /// The `count` documents most similar to `query`, best first (HNSW when the field has a graph, exact
  /// otherwise), among those `filter` allows; `efSearch` nil means the schema's.
  func top(query: [Float], count: Int, filter: DocumentFilter?, efSearch: Int?) throws(IndexError) -> ScoredDocuments {
    try exact.check(query)
    if let filter, filter.allowed.count != exact.store.count {
      throw IndexError.invalidInput("the filter covers \(filter.allowed.count) documents, field \(fieldName) has \(exact.store.count)")
    }
    if let efSearch, efSearch < 1 { throw IndexError.invalidInput("efSearch must be at least 1, got \(efSearch)") }
    let dimension = exact.store.dimension
    return query.withUnsafeBufferPointer { queryBuffer in
      guard let queryBase = queryBuffer.baseAddress else { return ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true) }
      let queryNorm = VectorSimilarity.norm(queryBase, dimension: dimension)
      guard queryNorm.isFinite, similarity != .cosine || queryNorm > 0 else {
        return ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true)
      }
      let allowedBuffer = filter?.allowed
      return pool.with { scratch in
        func run(_ allowed: UnsafePointer<Bool>?) -> ScoredDocuments {
          if let index, let graph = index.graph,
             filter.map({ Double($0.count) >= Self.exactFallbackFraction * Double(index.nodeCount) }) ?? true {
            return searchGraph(index, graph, query: queryBase, queryNorm: queryNorm, count: count,
                               ef: efSearch ?? index.parameters.efSearch, allowed: allowed, scratch: scratch)
          }
          return searchExactly(query: queryBase, queryNorm: queryNorm, count: count, allowed: allowed, scratch: scratch)
        }
        guard let allowedBuffer else { return run(nil) }
        return allowedBuffer.withUnsafeBufferPointer { run($0.baseAddress) }
      }
    }
  }

  /// The `count` most similar documents' numbers and scores, best first, without a filter: `top` for
  /// callers outside the engine (the benchmarks).
  public func nearest(query: [Float], count: Int, efSearch: Int? = nil) throws(IndexError) -> [(document: Int, score: Double)] {
    try top(query: query, count: count, filter: nil, efSearch: efSearch).hits
  }

  private func searchGraph(_ index: VectorFieldIndex, _ graph: HNSWGraph, query: UnsafePointer<Float>, queryNorm: Float,
                           count: Int, ef requested: Int, allowed: UnsafePointer<Bool>?, scratch: HNSWScratch) -> ScoredDocuments {
    let dimension = exact.store.dimension
    let scorer = NodeScorer(similarity: similarity, vectors: exact.store.base, norms: index.norms, dimension: dimension,
                            query: query, queryNorm: queryNorm)
    var matchCount = index.nodeCount
    if let allowed {
      matchCount = 0
      for document in 0..<index.documentCount where allowed[document] && graph.levels[document] != HNSWGraph.absent {
        matchCount += 1
      }
    }
    guard count > 0 else { return ScoredDocuments(hits: [], matchCount: matchCount, matchCountIsExact: true) }
    var hits: [ScoredNode]
    if let codes = index.codes, let quantizer = index.quantizer {
      // int8 traversal, then the best max(4·count, efSearch) candidates re-scored in float32.
      quantizer.encodeQuery(query, norm: queryNorm, dimension: dimension, into: scratch.queryCodes)
      let traversal = NodeScorer(int8: similarity, codes: codes, queryCodes: scratch.queryCodes, base: scorer)
      HNSWSearcher.search(graph, scorer: traversal, scratch: scratch, ef: max(requested, 4 * count), allowed: allowed)
      var rescored = scratch.results
      defer { scratch.results = rescored }
      let candidates = rescored.sortedBestFirst()
      rescored.removeAll()
      for candidate in candidates { rescored.push(ScoredNode(score: scorer.score(Int(candidate.node)), node: candidate.node)) }
      hits = rescored.sortedBestFirst()
    } else {
      HNSWSearcher.search(graph, scorer: scorer, scratch: scratch, ef: max(requested, count), allowed: allowed)
      hits = scratch.results.sortedBestFirst()
    }
    if hits.count > count { hits.removeLast(hits.count - count) }
    return ScoredDocuments(hits: hits.map { (document: Int($0.node), score: Double($0.score)) }, matchCount: matchCount,
                           matchCountIsExact: true)
  }

  private func searchExactly(query: UnsafePointer<Float>, queryNorm: Float, count: Int, allowed: UnsafePointer<Bool>?,
                             scratch: HNSWScratch) -> ScoredDocuments {
    var heap = scratch.results
    defer { scratch.results = heap }
    if let index, let codes = index.codes, let quantizer = index.quantizer {
      return searchQuantized(index, codes: codes, quantizer: quantizer, query: query, queryNorm: queryNorm, count: count,
                             allowed: allowed, scratch: scratch, heap: &heap)
    }
    let (hits, matched) = exact.best(query: query, queryNorm: queryNorm, count: count, allowed: allowed, heap: &heap)
    return ScoredDocuments(hits: hits.map { (document: Int($0.node), score: Double($0.score)) }, matchCount: matched,
                           matchCountIsExact: true)
  }

  /// Exhaustive search over the int8 codes (a quarter of the float bytes), then the best `max(4·count, 64)`
  /// re-scored in float32.
  private func searchQuantized(_ index: VectorFieldIndex, codes: UnsafePointer<Int8>, quantizer: ScalarQuantizer,
                               query: UnsafePointer<Float>, queryNorm: Float, count: Int, allowed: UnsafePointer<Bool>?,
                               scratch: HNSWScratch, heap: inout NodeHeap) -> ScoredDocuments {
    let store = exact.store
    quantizer.encodeQuery(query, norm: queryNorm, dimension: store.dimension, into: scratch.queryCodes)
    let float32 = NodeScorer(similarity: similarity, vectors: store.base, norms: index.norms, dimension: store.dimension,
                             query: query, queryNorm: queryNorm)
    let scorer = NodeScorer(int8: similarity, codes: codes, queryCodes: scratch.queryCodes, base: float32)
    let keep = count > 0 ? max(4 * count, 64) : 0
    heap.removeAll()
    var matched = 0
    for document in 0..<index.documentCount {
      if let allowed, !allowed[document] { continue }
      // Norm 0: no vector, or (for cosine) no direction; a zero vector under dot or l2 still counts.
      if index.norms[document] == 0, similarity == .cosine || !store.isPresent(document) { continue }
      matched += 1
      guard keep > 0 else { continue }
      let score = scorer.score(document)
      if heap.count < keep {
        heap.push(ScoredNode(score: score, node: UInt32(document)))
      } else if score > heap.top.score {
        _ = heap.pop()
        heap.push(ScoredNode(score: score, node: UInt32(document)))
      }
    }
    let candidates = heap.sortedBestFirst()
    heap.removeAll()
    for candidate in candidates {
      guard let score = exact.score(query: query, queryNorm: queryNorm, document: Int(candidate.node)) else { continue }
      heap.push(ScoredNode(score: score, node: candidate.node))
    }
    let hits = heap.sortedBestFirst().prefix(count)
    return ScoredDocuments(hits: hits.map { (document: Int($0.node), score: Double($0.score)) }, matchCount: matched,
                           matchCountIsExact: true)
  }

  /// The explanation of `document`'s score for `query`: its float32 similarity, recomputed with the function
  /// the search used, so its value equals the returned score bit for bit. `label` names the retrieval path.
  func explain(query: [Float], document: Int, label: String) throws(IndexError) -> Explanation {
    try exact.check(query)
    guard document >= 0, document < exact.store.count else {
      throw IndexError.invalidInput("document number \(document) is out of range (0..<\(exact.store.count))")
    }
    let dimension = exact.store.dimension
    return query.withUnsafeBufferPointer { buffer in
      guard let queryBase = buffer.baseAddress else { return Explanation.leaf(0, "\(label): empty query vector") }
      let queryNorm = VectorSimilarity.norm(queryBase, dimension: dimension)
      guard let score = exact.score(query: queryBase, queryNorm: queryNorm, document: document) else {
        return Explanation.leaf(0, "\(label): document has no \(fieldName) vector (or a zero norm), so no similarity")
      }
      let vector = exact.store.vector(document)
      var children: [Explanation] = []
      switch similarity {
      case .cosine:
        children = [.leaf(Double(VectorKernels.dot(queryBase, vector, count: dimension)), "q · d over \(dimension) components (float32)"),
                    .leaf(Double(queryNorm), "|q| = norm of the query vector"),
                    .leaf(Double(VectorSimilarity.norm(vector, dimension: dimension)), "|d| = norm of the document's \(fieldName)")]
      case .dot:
        break
      case .l2:
        children = [.leaf(Double(VectorKernels.squaredDistance(queryBase, vector, count: dimension)), "Σ (q_i - d_i)² over \(dimension) components (float32)")]
      }
      var found = "found by \(method)"
      if let index, index.graph != nil, index.graph?.levels[document] == HNSWGraph.absent { found += "; not in the graph" }
      return Explanation(value: Double(score),
                         label: "\(label): \(similarity.formula) on \(fieldName), computed in float32; \(found)",
                         combination: .leaf, children: children)
    }
  }
}
