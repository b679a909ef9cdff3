/// Ward's agglomerative clustering (Ward 1963) with the Lance–Williams update (Lance & Williams 1967), as
/// PinnerSage clusters a user's engaged pins (Pal et al., KDD 2020).
///
/// Distances are Ward's merge costs `D(A, B) = 2·|A|·|B|/(|A|+|B|) · ‖c_A − c_B‖²` (for two points, the squared
/// Euclidean distance), updated on each merge by
/// `D(k, i∪j) = ((n_i + n_k)·D(k, i) + (n_j + n_k)·D(k, j) − n_k·D(i, j)) / (n_i + n_j + n_k)`. The closest pair
/// is merged (ties: the smaller pair of cluster positions) while its cost is at most `threshold`.
/// Squared distances are computed once in float32 with the engine's SIMD kernel (`VectorKernels.squaredDistance`).
/// - Complexity: O(n² · dimension) for the distances; the merges O(n²) typically (O(n³) at worst); n is capped
///   by the history length.
public enum WardClustering {
  /// One merge: the two clusters (by the position of their first member) and the cost.
  public struct Merge: Sendable, Hashable {
    /// The surviving cluster's first point.
    public var kept: Int
    /// The absorbed cluster's first point.
    public var absorbed: Int
    /// Ward's merge cost.
    public var cost: Double
  }

  /// The clusters of `points` (each a list of point positions, ascending; clusters ordered by first point), and
  /// the merges made, in order.
  public static func cluster(_ points: [[Float]], threshold: Double) -> (clusters: [[Int]], merges: [Merge]) {
    let count = points.count
    guard count > 1 else { return (count == 1 ? [[0]] : [], []) }
    let dimension = points[0].count
    guard points.allSatisfy({ $0.count == dimension }) else { return ((0..<count).map { [$0] }, []) }
    let flat = points.flatMap { $0 }
    var distance = [Double](repeating: 0, count: count * count)
    flat.withUnsafeBufferPointer { rows in
      guard let base = rows.baseAddress else { return }
      for i in 0..<count {
        for j in (i + 1)..<count {
          let value = Double(VectorKernels.squaredDistance(base + i * dimension, base + j * dimension, count: dimension))
          distance[i * count + j] = value
          distance[j * count + i] = value
        }
      }
    }
    var members: [[Int]?] = (0..<count).map { [$0] }
    var merges: [Merge] = []
    var active = Array(0..<count)
    // Each active cluster's nearest later cluster (smallest position on ties) and its cost, so a merge step
    // scans the clusters rather than all pairs. Ward's cost is reducible (`D(k, i∪j) ≥ min(D(k, i), D(k, j))`),
    // so only rows pointing at the merged pair are rescanned; the pair chosen is the naive scan's.
    var nearest = [Int](repeating: -1, count: count)
    var nearestCost = [Double](repeating: .infinity, count: count)
    func rescan(_ k: Int) {
      nearest[k] = -1
      nearestCost[k] = .infinity
      for j in active where j > k && distance[k * count + j] < nearestCost[k] {
        nearest[k] = j
        nearestCost[k] = distance[k * count + j]
      }
    }
    for k in active { rescan(k) }
    while active.count > 1 {
      var best = (cost: Double.infinity, i: -1, j: -1)
      for k in active where nearest[k] >= 0 && nearestCost[k] < best.cost { best = (nearestCost[k], k, nearest[k]) }
      guard best.i >= 0, best.cost <= threshold else { break }
      let (i, j) = (best.i, best.j)
      let sizeI = Double(members[i]!.count)
      let sizeJ = Double(members[j]!.count)
      for k in active where k != i && k != j {
        let sizeK = Double(members[k]!.count)
        let updated =
          ((sizeI + sizeK) * distance[k * count + i] + (sizeJ + sizeK) * distance[k * count + j]
            - sizeK * best.cost) / (sizeI + sizeJ + sizeK)
        distance[k * count + i] = updated
        distance[i * count + k] = updated
      }
      members[i] = (members[i]! + members[j]!).sorted()
      members[j] = nil
      active.removeAll { $0 == j }
      merges.append(Merge(kept: i, absorbed: j, cost: best.cost))
      for k in active {
        if k == i || nearest[k] == i || nearest[k] == j {
          rescan(k)
        } else if k < i {
          let cost = distance[k * count + i]
          if cost < nearestCost[k] || (cost == nearestCost[k] && i < nearest[k]) {
            nearest[k] = i
            nearestCost[k] = cost
          }
        }
      }
    }
    return (active.compactMap { members[$0] }, merges)
  }

  /// `‖a − b‖²` with the engine's float32 SIMD kernel (the clustering's distances), as a `Double`.
  static func squaredDistance(_ a: [Float], _ b: [Float]) -> Double {
    guard a.count == b.count else { return .infinity }
    return a.withUnsafeBufferPointer { left in
      b.withUnsafeBufferPointer { right in
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return 0 }
        return Double(VectorKernels.squaredDistance(leftBase, rightBase, count: left.count))
      }
    }
  }

  /// The medoid of `cluster`: the member with the least summed squared distance to the others (ties: the first).
  public static func medoid(of cluster: [Int], points: [[Float]]) -> Int {
    var best = (member: cluster.first ?? 0, total: Double.infinity)
    for candidate in cluster {
      var total = 0.0
      for other in cluster where other != candidate { total += squaredDistance(points[candidate], points[other]) }
      if total < best.total { best = (candidate, total) }
    }
    return best.member
  }
}
