/// Item embeddings learned from the engagement matrix by truncated SVD: PureSVD (Cremonesi, Koren & Turrin,
/// "Performance of Recommender Algorithms on Top-N Recommendation Tasks", RecSys 2010), whose score
/// `r_u · V · Vᵀ` is a user embedding pooled from the engaged items' rows of `V` (`Σ_i r_ui · V_i`) dotted with
/// each item's row.
///
/// `V` (documents × `dimension`, orthonormal columns) spans the top right singular subspace of the user ×
/// document matrix `A` (an edge's weight, or 1 when `binary`), found by randomized subspace iteration (Halko,
/// Martinsson & Tropp, "Finding Structure with Randomness", SIAM Review 2011): `V ← orth(Aᵀ A V)` from a seeded
/// random start. PureSVD's scores do not change under a rotation of `V`, so no eigen-decomposition follows.
public struct ItemFactorization: Sendable {
  /// The embedding's dimension.
  public let dimension: Int
  /// Row-major documents × dimension factors.
  public let factors: [Double]

  /// Factorises `graph`'s engagement matrix.
  /// - Complexity: O(iterations · (E · dimension + documents · dimension²)) for E edges.
  public init(graph: EngagementGraph, dimension: Int = 64, iterations: Int = 12, binary: Bool = true, seed: UInt64 = 1) {
    let rank = max(1, min(dimension, graph.documentCount))
    self.dimension = rank
    var generator = SamplingGenerator(seed: seed)
    var basis = (0..<(graph.documentCount * rank)).map { _ in generator.uniform() * 2 - 1 }
    Self.orthonormalize(&basis, rows: graph.documentCount, columns: rank)
    for _ in 0..<max(1, iterations) {
      basis = Self.gramProduct(graph: graph, basis: basis, columns: rank, binary: binary)
      Self.orthonormalize(&basis, rows: graph.documentCount, columns: rank)
    }
    factors = basis
  }

  /// The factor row of `document`.
  public func row(_ document: Int) -> ArraySlice<Double> { factors[(document * dimension)..<((document + 1) * dimension)] }

  /// `Aᵀ (A · basis)`.
  static func gramProduct(graph: EngagementGraph, basis: [Double], columns: Int, binary: Bool) -> [Double] {
    var userSide = [Double](repeating: 0, count: graph.userCount * columns)
    for user in 0..<graph.userCount {
      for index in Int(graph.userOffsets[user])..<Int(graph.userOffsets[user + 1]) {
        let weight = binary ? 1 : Double(graph.userWeights[index])
        let document = Int(graph.userDocuments[index])
        for column in 0..<columns { userSide[user * columns + column] += weight * basis[document * columns + column] }
      }
    }
    var result = [Double](repeating: 0, count: graph.documentCount * columns)
    for document in 0..<graph.documentCount {
      for index in Int(graph.documentOffsets[document])..<Int(graph.documentOffsets[document + 1]) {
        let weight = binary ? 1 : Double(graph.documentWeights[index])
        let user = Int(graph.documentUsers[index])
        for column in 0..<columns { result[document * columns + column] += weight * userSide[user * columns + column] }
      }
    }
    return result
  }

  /// Modified Gram–Schmidt on the columns of a row-major matrix (a column that vanishes is left at 0).
  static func orthonormalize(_ matrix: inout [Double], rows: Int, columns: Int) {
    for column in 0..<columns {
      for previous in 0..<column {
        var dot = 0.0
        for row in 0..<rows { dot += matrix[row * columns + column] * matrix[row * columns + previous] }
        for row in 0..<rows { matrix[row * columns + column] -= dot * matrix[row * columns + previous] }
      }
      var norm = 0.0
      for row in 0..<rows { norm += matrix[row * columns + column] * matrix[row * columns + column] }
      norm = norm.squareRoot()
      for row in 0..<rows { matrix[row * columns + column] = norm > 1e-12 ? matrix[row * columns + column] / norm : 0 }
    }
  }

  /// The user embedding pooled from `history` (documents and weights): `Σ_i w_i · V_i`.
  public func pool(_ history: [(document: Int, weight: Double)]) -> [Double] {
    var result = [Double](repeating: 0, count: dimension)
    for entry in history {
      for column in 0..<dimension { result[column] += entry.weight * factors[entry.document * dimension + column] }
    }
    return result
  }

  /// `embedding · V_document`.
  public func score(_ embedding: [Double], document: Int) -> Double {
    var total = 0.0
    for column in 0..<dimension { total += embedding[column] * factors[document * dimension + column] }
    return total
  }
}
