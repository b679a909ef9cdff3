/// Exact (brute-force) cosine-similarity retrieval over one vector field: every document's vector is
/// compared with the query's.
struct ExactVectorScorer {
  let reader: IndexReader
  let field: Int
  let fieldName: String

  /// The field's vectors as one contiguous run of floats (`documentCount × dimension`).
  private func vectors() throws(IndexError) -> UnsafeBufferPointer<Float> {
    let dimension = reader.vectorDimensions[field]
    let bytes = try reader.vectors.bytes(at: reader.vectorOffsets[field], count: 4 * dimension * reader.documentCount)
    guard let base = bytes.baseAddress, Int(bitPattern: base) % MemoryLayout<Float>.alignment == 0 else {
      throw IndexError.corrupt(file: reader.vectors.name, reason: "vector data is misaligned")
    }
    return UnsafeBufferPointer(start: base.assumingMemoryBound(to: Float.self), count: dimension * reader.documentCount)
  }

  /// `q · d / (|q| · |d|)`.
  @inline(__always)
  static func cosine(dot: Double, queryNorm: Double, documentNorm: Double) -> Double {
    dot / (queryNorm * documentNorm)
  }

  /// Cosine similarity of every document holding a vector; unmatched documents are left out.
  func scoreAll(query: [Float]) throws(IndexError) -> (scores: [Double], matched: [Int]) {
    let dimension = reader.vectorDimensions[field]
    guard query.count == dimension else {
      throw IndexError.invalidInput("the query vector has \(query.count) components, field \(fieldName) has \(dimension)")
    }
    let all = try vectors()
    var scores = [Double](repeating: 0, count: reader.documentCount)
    var matched: [Int] = []
    matched.reserveCapacity(reader.documentCount)
    query.withUnsafeBufferPointer { queryVector in
      let queryNorm = VectorMath.norm(queryVector)
      guard queryNorm > 0 else { return }
      for document in 0..<reader.documentCount {
        let vector = UnsafeBufferPointer(rebasing: all[document * dimension..<(document + 1) * dimension])
        guard !vector[0].isNaN else { continue }
        let documentNorm = VectorMath.norm(vector)
        guard documentNorm > 0 else { continue }
        scores[document] = Self.cosine(dot: VectorMath.dot(queryVector, vector), queryNorm: queryNorm, documentNorm: documentNorm)
        matched.append(document)
      }
    }
    return (scores, matched)
  }

  /// The explanation of one document's cosine similarity.
  func explain(query: [Float], document: Int, modelName: String) throws(IndexError) -> Explanation {
    let dimension = reader.vectorDimensions[field]
    let all = try vectors()
    let vector = UnsafeBufferPointer(rebasing: all[document * dimension..<(document + 1) * dimension])
    return query.withUnsafeBufferPointer { queryVector in
      let dot = VectorMath.dot(queryVector, vector)
      let queryNorm = VectorMath.norm(queryVector)
      let documentNorm = VectorMath.norm(vector)
      let value = Self.cosine(dot: dot, queryNorm: queryNorm, documentNorm: documentNorm)
      return Explanation(value: value, label: "semantic: cosine(query, \(fieldName)) by \(modelName), exact search",
                         combination: .ratio, children: [
                           .leaf(dot, "q · d = Σ q_i · d_i over \(dimension) components"),
                           .product("|q| · |d|", [.leaf(queryNorm, "|q| = norm of the query embedding"),
                                                   .leaf(documentNorm, "|d| = norm of the document's \(fieldName)")]),
                         ])
    }
  }
}
