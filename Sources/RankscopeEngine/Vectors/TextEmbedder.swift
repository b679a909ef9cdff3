/// Turns text into a dense vector; the sentence encoder conforms through an adapter in the executable, so
/// the engine depends on no particular model.
public protocol TextEmbedder: Sendable {
  /// The model's name, for explanations and status lines.
  var modelName: String { get }
  /// Number of components of each vector.
  var dimension: Int { get }
  /// The embedding of one text.
  func embed(_ text: String) throws -> [Float]
  /// The embeddings of many texts, in order (may use several cores).
  func embed(batch texts: [String]) throws -> [[Float]]
}

/// Vector arithmetic shared by exact retrieval and its explanation.
public enum VectorMath {
  /// The inner product of two equally long vectors, accumulated in double precision.
  public static func dot(_ left: UnsafeBufferPointer<Float>, _ right: UnsafeBufferPointer<Float>) -> Double {
    var total = 0.0
    var sum = SIMD8<Double>()
    var index = 0
    let count = min(left.count, right.count)
    while index + 8 <= count {
      var a = SIMD8<Double>()
      var b = SIMD8<Double>()
      for lane in 0..<8 {
        a[lane] = Double(left[index + lane])
        b[lane] = Double(right[index + lane])
      }
      sum += a * b
      index += 8
    }
    total = sum.sum()
    while index < count {
      total += Double(left[index]) * Double(right[index])
      index += 1
    }
    return total
  }

  /// The Euclidean norm of a vector.
  public static func norm(_ vector: UnsafeBufferPointer<Float>) -> Double { dot(vector, vector).squareRoot() }
}
