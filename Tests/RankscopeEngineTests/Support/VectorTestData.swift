import Foundation
@testable import RankscopeEngine

/// Seeded synthetic vectors for the vector-retrieval tests.
enum VectorTestData {
  /// `count` vectors of `dimension` components around `clusters` random centres (spread 0.35), optionally
  /// L2-normalised.
  static func clustered(count: Int, dimension: Int, clusters: Int = 20, seed: UInt64, normalized: Bool = true) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    func gaussian() -> Float {
      let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
      let v = Double.random(in: 0..<1, using: &generator)
      return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
    }
    let centres = (0..<clusters * dimension).map { _ in gaussian() }
    var vectors: [Float] = []
    vectors.reserveCapacity(count * dimension)
    for _ in 0..<count {
      let centre = Int.random(in: 0..<clusters, using: &generator)
      var row = (0..<dimension).map { centres[centre * dimension + $0] + 0.35 * gaussian() }
      if normalized {
        let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
        row = row.map { $0 / norm }
      }
      vectors.append(contentsOf: row)
    }
    return vectors
  }

  /// Row `row` of `vectors`.
  static func row(_ vectors: [Float], _ row: Int, dimension: Int) -> [Float] {
    Array(vectors[row * dimension..<(row + 1) * dimension])
  }

  /// The exact top `k` documents of `searcher`'s field for `query` (the reference for recall).
  static func exactTop(_ searcher: VectorSearcher, _ query: [Float], k: Int, filter: DocumentFilter? = nil) throws -> [Int] {
    let exact = VectorSearcher(exact: searcher.exact, index: nil, fieldName: "exact")
    return try exact.top(query: query, count: k, filter: filter, efSearch: nil).hits.map(\.document)
  }

  /// The fraction of `truth` found in `found`, summed over queries.
  static func recall(_ found: [[Int]], _ truth: [[Int]]) -> Double {
    var hit = 0, total = 0
    for (f, t) in zip(found, truth) {
      hit += Set(f).intersection(t).count
      total += t.count
    }
    return total == 0 ? 1 : Double(hit) / Double(total)
  }
}
