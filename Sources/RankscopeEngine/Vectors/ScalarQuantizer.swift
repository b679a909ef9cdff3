/// Symmetric int8 scalar quantization with one global scale: `code = clamp(round(x / scale), −127, 127)`,
/// `scale = max |x| / 127` over every component of every stored vector (normalised first for cosine).
///
/// One scale for all dimensions (rather than one per dimension) keeps the int8 inner product and squared
/// distance proportional to the float ones, so traversal compares integer sums directly; the returned
/// scores are always re-computed in float32.
struct ScalarQuantizer: Sendable {
  /// The float value of one code step.
  let scale: Float
  /// The similarity the codes serve (cosine codes are of normalised vectors).
  let similarity: VectorSimilarity

  /// A quantizer fitted to the present rows of `store`.
  init(fitting store: VectorStore, norms: [Float], similarity: VectorSimilarity) {
    var largest: Float = 0
    for row in 0..<store.count where store.isPresent(row) {
      let vector = store.vector(row)
      let divisor = similarity == .cosine ? norms[row] : 1
      guard divisor > 0 else { continue }
      for component in 0..<store.dimension { largest = max(largest, abs(vector[component] / divisor)) }
    }
    self.init(scale: largest > 0 && largest.isFinite ? largest / 127 : 1, similarity: similarity)
  }

  /// A quantizer with a known scale (read from a file).
  init(scale: Float, similarity: VectorSimilarity) {
    self.scale = scale
    self.similarity = similarity
  }

  /// Writes the codes of `vector` (of norm `norm`) into `codes`; zeros when the row is missing.
  func encode(_ vector: UnsafePointer<Float>, norm: Float, dimension: Int, into codes: UnsafeMutablePointer<Int8>) {
    let divisor = similarity == .cosine ? norm : 1
    guard !vector[0].isNaN, divisor > 0 else {
      codes.update(repeating: 0, count: dimension)
      return
    }
    let factor = 1 / (scale * divisor)
    for component in 0..<dimension {
      codes[component] = Self.code(vector[component] * factor)
    }
  }

  /// The codes of a query: for cosine and dot scaled by its own largest component (only the order of the
  /// integer scores matters), for l2 by the stored vectors' scale so differences stay comparable.
  func encodeQuery(_ query: UnsafePointer<Float>, norm: Float, dimension: Int, into codes: UnsafeMutablePointer<Int8>) {
    var factor = 1 / scale
    if similarity != .l2 {
      var largest: Float = 0
      for component in 0..<dimension { largest = max(largest, abs(query[component])) }
      factor = largest > 0 ? 127 / largest : 0
    }
    for component in 0..<dimension { codes[component] = Self.code(query[component] * factor) }
  }

  @inline(__always)
  private static func code(_ value: Float) -> Int8 {
    guard value.isFinite else { return 0 }
    return Int8(max(-127, min(127, value.rounded())))
  }
}
