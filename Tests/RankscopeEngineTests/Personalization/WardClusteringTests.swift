import Testing

@testable import RankscopeEngine

@Suite("Ward clustering")
struct WardClusteringTests {
  @Test("two well-separated groups become two clusters")
  func knownClusters() {
    let points: [[Float]] = [[0, 0], [5, 5], [0.1, 0], [5.1, 5], [0, 0.1], [5, 5.1]]
    let (clusters, merges) = WardClustering.cluster(points, threshold: 1)
    #expect(clusters == [[0, 2, 4], [1, 3, 5]])
    #expect(merges.count == 4)
    #expect(WardClustering.cluster(points, threshold: .infinity).clusters == [[0, 1, 2, 3, 4, 5]])
    #expect(WardClustering.cluster(points, threshold: 0).clusters.count == 6)
    #expect(WardClustering.cluster([], threshold: 1).clusters.isEmpty)
    #expect(WardClustering.cluster([[1, 2]], threshold: 1).clusters == [[0]])
  }

  @Test("merge costs follow the Lance–Williams update: 2·|A||B|/(|A|+|B|) · ‖c_A − c_B‖²")
  func mergeCosts() {
    // d(0,1) = 1, d(0,2) = 25, d(1,2) = 16: merge {0,1} at 1, then {0,1} ∪ {2} at ((2·25 + 2·16 − 1) / 3) = 27
    // = 2 · 2 · 1 / 3 · (5 − 0.5)².
    let (_, merges) = WardClustering.cluster([[0, 0], [1, 0], [5, 0]], threshold: .infinity)
    #expect(merges == [.init(kept: 0, absorbed: 1, cost: 1), .init(kept: 0, absorbed: 2, cost: 27)])
  }

  @Test("the medoid minimises the summed squared distance to the other members")
  func medoid() {
    let points: [[Float]] = [[0, 0], [1, 0], [3, 0]]
    #expect(WardClustering.medoid(of: [0, 1, 2], points: points) == 1)
    #expect(WardClustering.medoid(of: [0, 2], points: points) == 0)
  }

  @Test("the nearest-neighbour bookkeeping makes the merges of the naive closest-pair scan, ties included")
  func matchesNaiveScan() {
    var state: UInt64 = 7
    func next() -> Float {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(Int(state >> 40) % 9) / 4  // few distinct values: many ties
    }
    for size in [2, 5, 17, 40] {
      let points = (0..<size).map { _ in (0..<3).map { _ in next() } }
      for threshold in [0.5, 2, 8, Double.infinity] {
        #expect(
          WardClustering.cluster(points, threshold: threshold).merges == Self.naive(points, threshold: threshold),
          "\(size) \(threshold)")
      }
    }
  }

  /// Ward by scanning every pair at every step (the definition), for comparison.
  static func naive(_ points: [[Float]], threshold: Double) -> [WardClustering.Merge] {
    let count = points.count
    var distance = [Double](repeating: 0, count: count * count)
    for i in 0..<count {
      for j in 0..<count where i != j { distance[i * count + j] = WardClustering.squaredDistance(points[i], points[j]) }
    }
    var sizes = [Double](repeating: 1, count: count)
    var active = Array(0..<count)
    var merges: [WardClustering.Merge] = []
    while active.count > 1 {
      var best = (cost: Double.infinity, i: -1, j: -1)
      for (position, i) in active.enumerated() {
        for j in active[(position + 1)...] where distance[i * count + j] < best.cost { best = (distance[i * count + j], i, j) }
      }
      guard best.cost <= threshold else { break }
      let (i, j) = (best.i, best.j)
      for k in active where k != i && k != j {
        let updated =
          ((sizes[i] + sizes[k]) * distance[k * count + i] + (sizes[j] + sizes[k]) * distance[k * count + j]
            - sizes[k] * best.cost) / (sizes[i] + sizes[j] + sizes[k])
        distance[k * count + i] = updated
        distance[i * count + k] = updated
      }
      sizes[i] += sizes[j]
      active.removeAll { $0 == j }
      merges.append(.init(kept: i, absorbed: j, cost: best.cost))
    }
    return merges
  }
}
