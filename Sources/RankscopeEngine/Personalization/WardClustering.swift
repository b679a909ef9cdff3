/// Ward's agglomerative clustering (Ward 1963) with the Lance–Williams update (Lance & Williams 1967), as
/// PinnerSage clusters a user's engaged pins (Pal et al., KDD 2020).
///
/// Distances are Ward's merge costs `D(A, B) = 2·|A|·|B|/(|A|+|B|) · ‖c_A − c_B‖²` (for two points, the squared
/// Euclidean distance), updated on each merge by
/// `D(k, i∪j) = ((n_i + n_k)·D(k, i) + (n_j + n_k)·D(k, j) − n_k·D(i, j)) / (n_i + n_j + n_k)`. The closest pair
/// is merged (ties: the smaller pair of cluster positions) while its cost is at most `threshold`.
/// - Complexity: O(n² · dimension) for the distances and O(n³) for the merges; n is capped by the history length.
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
    var distance = [Double](repeating: 0, count: count * count)
    for i in 0..<count {
      for j in (i + 1)..<count {
        let value = squaredDistance(points[i], points[j])
        distance[i * count + j] = value
        distance[j * count + i] = value
      }
    }
    var members: [[Int]?] = (0..<count).map { [$0] }
    var merges: [Merge] = []
    var active = Array(0..<count)
    while active.count > 1 {
      var best = (cost: Double.infinity, i: -1, j: -1)
      for (position, i) in active.enumerated() {
        for j in active[(position + 1)...] where distance[i * count + j] < best.cost {
          best = (distance[i * count + j], i, j)
        }
      }
      guard best.i >= 0, best.cost <= threshold else { break }
      let (i, j) = (best.i, best.j)
      let sizeI = Double(members[i]!.count)
      let sizeJ = Double(members[j]!.count)
      for k in active where k != i && k != j {
        let sizeK = Double(members[k]!.count)
        let updated = ((sizeI + sizeK) * distance[k * count + i] + (sizeJ + sizeK) * distance[k * count + j]
                       - sizeK * best.cost) / (sizeI + sizeJ + sizeK)
        distance[k * count + i] = updated
        distance[i * count + k] = updated
      }
      members[i] = (members[i]! + members[j]!).sorted()
      members[j] = nil
      active.removeAll { $0 == j }
      merges.append(Merge(kept: i, absorbed: j, cost: best.cost))
    }
    return (active.compactMap { members[$0] }, merges)
  }

  /// `‖a − b‖²` in double precision.
  static func squaredDistance(_ a: [Float], _ b: [Float]) -> Double {
    var total = 0.0
    for index in 0..<min(a.count, b.count) {
      let difference = Double(a[index]) - Double(b[index])
      total += difference * difference
    }
    return total
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
