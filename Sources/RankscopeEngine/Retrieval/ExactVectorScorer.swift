/// Exact (brute-force) retrieval over one vector field: every stored vector is compared with the query in
/// one streaming pass (SIMD8 kernels, a bounded heap, no per-document allocation), so a query costs about
/// one read of the field's vectors: the memory-bandwidth floor.
struct ExactVectorScorer: Sendable {
  /// The field's vectors.
  let store: VectorStore
  /// How vectors are compared.
  let similarity: VectorSimilarity
  /// The field's name, for messages.
  let fieldName: String

  /// The scorer of vector field `field` (its position among the schema's vector fields).
  init(reader: IndexReader, field: Int, fieldName: String) throws(IndexError) {
    store = try reader.vectorStore(field: field)
    similarity = reader.schema.vectorFields[field].vectorSimilarity
    self.fieldName = fieldName
  }

  /// A scorer over `store`.
  init(store: VectorStore, similarity: VectorSimilarity, fieldName: String) {
    self.store = store
    self.similarity = similarity
    self.fieldName = fieldName
  }

  /// Throws unless `query` has the field's dimension.
  func check(_ query: [Float]) throws(IndexError) {
    guard query.count == store.dimension else {
      throw IndexError.invalidInput("the query vector has \(query.count) components, field \(fieldName) has \(store.dimension)")
    }
  }

  /// The similarity of every document holding a vector; unmatched documents are left out.
  func scoreAll(query: [Float]) throws(IndexError) -> (scores: [Double], matched: [Int]) {
    try check(query)
    var scores = [Double](repeating: 0, count: store.count)
    var matched: [Int] = []
    query.withUnsafeBufferPointer { buffer in
      guard let queryBase = buffer.baseAddress else { return }
      let queryNorm = VectorSimilarity.norm(queryBase, dimension: store.dimension)
      for document in 0..<store.count {
        guard let score = self.score(query: queryBase, queryNorm: queryNorm, document: document) else { continue }
        scores[document] = Double(score)
        matched.append(document)
      }
    }
    return (scores, matched)
  }

  /// The float32 similarity of `document`, or `nil` when it has no vector (or, for cosine, either norm is 0).
  /// The one function behind every exact score and every explanation.
  @inline(__always)
  func score(query: UnsafePointer<Float>, queryNorm: Float, document: Int) -> Float? {
    guard store.isPresent(document) else { return nil }
    let vector = store.vector(document)
    if similarity == .cosine {
      let documentNorm = VectorSimilarity.norm(vector, dimension: store.dimension)
      guard queryNorm > 0, documentNorm > 0 else { return nil }
      return VectorSimilarity.score(.cosine, query: query, queryNorm: queryNorm, document: vector,
                                    documentNorm: documentNorm, dimension: store.dimension)
    }
    return VectorSimilarity.score(similarity, query: query, queryNorm: queryNorm, document: vector, documentNorm: 0,
                                  dimension: store.dimension)
  }

  /// The best `count` documents in one pass over all rows (or the rows `allowed` admits), best first, with
  /// the number of documents that had a score. Scores equal those of `score(query:queryNorm:document:)`.
  func best(query: UnsafePointer<Float>, queryNorm: Float, count: Int, allowed: UnsafePointer<Bool>?,
            heap: inout NodeHeap) -> (hits: [ScoredNode], matched: Int) {
    heap.removeAll()
    guard count > 0 else { return ([], 0) }
    let dimension = store.dimension
    var matched = 0
    var worst = -Float.infinity
    for document in 0..<store.count {
      if let allowed, !allowed[document] { continue }
      let vector = store.vector(document)
      if vector[0].isNaN { continue }
      let value: Float
      switch similarity {
      case .cosine:
        let (dot, squaredNorm) = VectorKernels.dotAndSquaredNorm(query, vector, count: dimension)
        let documentNorm = squaredNorm.squareRoot()
        guard queryNorm > 0, documentNorm > 0 else { continue }
        value = VectorSimilarity.cosine(dot: dot, queryNorm: queryNorm, documentNorm: documentNorm)
      case .dot:
        value = VectorKernels.dot(query, vector, count: dimension)
      case .l2:
        value = -VectorKernels.squaredDistance(query, vector, count: dimension)
      }
      matched += 1
      if heap.count < count {
        heap.push(ScoredNode(score: value, node: UInt32(document)))
        if heap.count == count { worst = heap.top.score }
      } else if value > worst {
        _ = heap.pop()
        heap.push(ScoredNode(score: value, node: UInt32(document)))
        worst = heap.top.score
      }
    }
    return (heap.sortedBestFirst(), matched)
  }
}
