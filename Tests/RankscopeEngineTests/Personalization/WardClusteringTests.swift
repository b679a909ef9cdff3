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
}
