/// How a vector field compares vectors. Every score is "higher is better" and is computed in float32 by
/// `VectorKernels`; users see it converted to `Double`.
///
/// - `cosine`: `q · d / (|q| · |d|)` with `|x| = √(x · x)`, in −1…1. Documents (and queries) of norm 0
///   have no cosine and are never returned.
/// - `dot`: the inner product `q · d` (equal to the cosine for L2-normalised vectors).
/// - `l2`: the negative squared Euclidean distance `−Σ (q_i − d_i)²`, at most 0 (0 = identical).
public enum VectorSimilarity: String, Sendable, Hashable, Codable, CaseIterable {
  /// Cosine similarity (the default).
  case cosine
  /// Inner product.
  case dot
  /// Negative squared Euclidean distance.
  case l2

  /// The formula, for explanations and documentation.
  public var formula: String {
    switch self {
    case .cosine: return "cosine(q, d) = q · d / (|q| · |d|)"
    case .dot: return "dot(q, d) = Σ q_i · d_i"
    case .l2: return "-l2²(q, d) = -Σ (q_i - d_i)²"
    }
  }

  /// The score of `document` for `query`, where `queryNorm` is `√(q · q)` (used by cosine only) and
  /// `documentNorm` is `√(d · d)` (cosine only). Callers and explanations use this one function.
  @inline(__always)
  static func score(_ similarity: VectorSimilarity, query: UnsafePointer<Float>, queryNorm: Float,
                    document: UnsafePointer<Float>, documentNorm: Float, dimension: Int) -> Float {
    switch similarity {
    case .cosine: return cosine(dot: VectorKernels.dot(query, document, count: dimension), queryNorm: queryNorm, documentNorm: documentNorm)
    case .dot: return VectorKernels.dot(query, document, count: dimension)
    case .l2: return -VectorKernels.squaredDistance(query, document, count: dimension)
    }
  }

  /// `dot / (queryNorm · documentNorm)` in float32.
  @inline(__always)
  static func cosine(dot: Float, queryNorm: Float, documentNorm: Float) -> Float {
    dot / (queryNorm * documentNorm)
  }

  /// `√(x · x)` in float32, with the same kernel as the scores.
  @inline(__always)
  static func norm(_ vector: UnsafePointer<Float>, dimension: Int) -> Float {
    VectorKernels.dot(vector, vector, count: dimension).squareRoot()
  }
}
