extension VectorFieldIndex {
  /// The bytes of a vector index file (layout in `VectorFieldIndex`): the norms of the first
  /// `documentCount` rows of `vectors`, the builder's graph when given, and int8 codes when `int8` is set.
  static func serialize(vectors: VectorStore, documentCount: Int, similarity: VectorSimilarity,
                        norms: UnsafeBufferPointer<Float>, graph: HNSWBuilder?, int8: Bool) -> [UInt8] {
    var writer = ByteWriter()
    let parameters = graph?.parameters ?? HNSWParameters()
    let dimension = vectors.dimension
    let normArray = Array(norms)
    let quantizer = int8 ? ScalarQuantizer(fitting: vectors.prefix(documentCount), norms: normArray, similarity: similarity) : nil
    writer.append(magic)
    writer.append(version)
    writer.append(UInt32(documentCount))
    writer.append(UInt32(dimension))
    writer.append(UInt32(VectorSimilarity.allCases.firstIndex(of: similarity) ?? 0))
    writer.append(UInt32((graph == nil ? 0 : 1) | (int8 ? 2 : 0)))
    writer.append(UInt32(graph == nil ? 0 : parameters.M))
    writer.append(UInt32(graph == nil ? 0 : parameters.efConstruction))
    writer.append(UInt32(graph == nil ? 0 : parameters.efSearch))
    writer.append(UInt32(bitPattern: Int32(graph?.maxLevel ?? -1)))
    writer.append(UInt32(max(graph?.entryPoint ?? 0, 0)))
    writer.append(UInt32(graph?.nodeCount ?? 0))
    writer.append(graph == nil ? 0 : parameters.seed)
    writer.append(graph?.generatorState ?? 0)
    writer.append(UInt64(graph?.upperSlotCount ?? 0))
    writer.append(quantizer?.scale ?? 0)
    writer.append(UInt32(0))
    for norm in normArray { writer.append(norm) }
    graph?.writeGraph(into: &writer)
    if let quantizer {
      var codes = [Int8](repeating: 0, count: dimension)
      for row in 0..<documentCount {
        codes.withUnsafeMutableBufferPointer { buffer in
          quantizer.encode(vectors.vector(row), norm: normArray[row], dimension: dimension, into: buffer.baseAddress!)
        }
        writer.append(contentsOf: codes.map { UInt8(bitPattern: $0) })
      }
      writer.pad(toMultipleOf: 4)
    }
    return writer.bytes
  }

  /// The norms `√(d · d)` of the first `count` rows (0 for missing rows).
  static func norms(of vectors: VectorStore, count: Int) -> [Float] {
    (0..<count).map { row in vectors.isPresent(row) ? VectorSimilarity.norm(vectors.vector(row), dimension: vectors.dimension) : 0 }
  }
}

extension VectorStore {
  /// The first `count` rows.
  func prefix(_ count: Int) -> VectorStore {
    var copy = self
    copy.count = Swift.min(count, self.count)
    return copy
  }
}

extension VectorFieldIndex {
  /// The index file a field with these options needs, built over `vectors` (`nil` for an exact field
  /// without quantization, which needs none). Builds the HNSW graph on the calling thread.
  static func build(vectors: VectorStore, similarity: VectorSimilarity, index: VectorIndexOptions,
                    quantization: VectorQuantization?, progress: (Double) -> Void = { _ in }) -> [UInt8]? {
    let int8 = quantization == .int8
    if let parameters = index.hnswParameters {
      let builder = HNSWBuilder(parameters: parameters, similarity: similarity, vectors: vectors)
      builder.add(progress: progress)
      return builder.serialize(int8: int8)
    }
    guard int8 else { return nil }
    let norms = Self.norms(of: vectors, count: vectors.count)
    progress(1)
    return norms.withUnsafeBufferPointer { buffer in
      serialize(vectors: vectors, documentCount: vectors.count, similarity: similarity, norms: buffer, graph: nil, int8: true)
    }
  }
}
