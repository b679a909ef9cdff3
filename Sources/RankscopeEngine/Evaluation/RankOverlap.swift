import Foundation

/// How much two rankings of the same documents agree, and how documents moved from one to the other.
///
/// Lists are read from the top; a document id repeated within one list counts at its first rank only.
/// Rank-biased overlap follows Webber, Moffat & Zobel, "A similarity measure for indefinite rankings"
/// (ACM TOIS 28(4), 2010), with X_d = |A[..<d] ∩ B[..<d]| the overlap at depth d (a prefix longer than its
/// list is the whole list).
public enum RankOverlap {
  /// The persistence p used when none is given: the top 10 ranks carry about 86% of the weight.
  public static let defaultPersistence = 0.9

  /// Rank-biased overlap of two finite rankings: its lower bound and its extrapolated point estimate.
  public struct BiasedOverlap: Sendable, Hashable {
    /// RBO_min, eq. (11) of the paper evaluated at depth k = the shorter list's length (the depth to which
    /// both lists are known): (1−p)/p · (Σ_{d=1..k} (X_d − X_k)/d · p^d − X_k · ln(1−p)). It assumes no
    /// further agreement below k, so it is a lower bound on the RBO of any continuation of the lists.
    public var minimum: Double
    /// RBO_ext, eq. (32) of the paper, for a shorter list S of length s and a longer list L of length l:
    /// (1−p)/p · (Σ_{d=1..l} X_d/d · p^d + Σ_{d=s+1..l} X_s·(d−s)/(s·d) · p^d) + ((X_l − X_s)/l + X_s/s) · p^l.
    /// It assumes the agreement seen so far continues; it is 1 for identical lists and for a list and
    /// its extension, 0 for disjoint lists. Two empty lists give 1, one empty list gives 0.
    public var extrapolated: Double
  }

  /// Where one document sits in ranking A and in ranking B (ranks count from 1).
  public struct Move<ID: Hashable & Sendable>: Sendable, Hashable {
    /// The document.
    public var id: ID
    /// Its rank in A, nil when it entered in B.
    public var rankInA: Int?
    /// Its rank in B.
    public var rankInB: Int
    /// Places moved up from A to B (negative: down; 0: same; nil: entered).
    public var placesUp: Int? { rankInA.map { $0 - rankInB } }
  }

  /// What changed from ranking A to ranking B: the explorer's arrows.
  public struct Changes<ID: Hashable & Sendable>: Sendable, Hashable {
    /// Every document of B, in B's order, with its rank in A when it had one.
    public var moves: [Move<ID>]
    /// Documents of B that are not in A, in B's order.
    public var entered: [ID]
    /// Documents of A that are not in B, in A's order.
    public var dropped: [ID]
  }

  /// Jaccard@k: |A_k ∩ B_k| / |A_k ∪ B_k| over the two top-k sets; 1 when both are empty.
  public static func jaccard<ID: Hashable>(_ a: [ID], _ b: [ID], cutoff: Int) -> Double {
    let left = Set(a.prefix(max(cutoff, 0)))
    let right = Set(b.prefix(max(cutoff, 0)))
    let union = left.union(right).count
    guard union > 0 else { return 1 }
    return Double(left.intersection(right).count) / Double(union)
  }

  /// Rank-biased overlap with persistence p in (0, 1) (see `BiasedOverlap` for the formulas).
  public static func rankBiasedOverlap<ID: Hashable>(
    _ a: [ID], _ b: [ID], persistence p: Double = defaultPersistence
  ) throws(ComparisonError) -> BiasedOverlap {
    guard p > 0, p < 1 else {
      throw .invalidParameter(name: "RBO persistence p", value: p, expected: "a number between 0 and 1 (exclusive)")
    }
    let first = withoutRepeats(a)
    let second = withoutRepeats(b)
    let (shorter, longer) = first.count <= second.count ? (first, second) : (second, first)
    guard !shorter.isEmpty else {
      return BiasedOverlap(minimum: longer.isEmpty ? 1 : 0, extrapolated: longer.isEmpty ? 1 : 0)
    }
    let overlaps = overlapsByDepth(shorter, longer)
    return BiasedOverlap(minimum: minimum(overlaps: overlaps, depth: shorter.count, p: p),
                         extrapolated: extrapolated(overlaps: overlaps, shorterLength: shorter.count, p: p))
  }

  /// The moves, entries and drops from ranking A to ranking B.
  public static func changes<ID: Hashable & Sendable>(from a: [ID], to b: [ID]) -> Changes<ID> {
    let before = withoutRepeats(a)
    let after = withoutRepeats(b)
    var rankInA: [ID: Int] = [:]
    for (offset, id) in before.enumerated() { rankInA[id] = offset + 1 }
    let moves = after.enumerated().map { Move(id: $0.element, rankInA: rankInA[$0.element], rankInB: $0.offset + 1) }
    let inB = Set(after)
    return Changes(moves: moves,
                   entered: moves.filter { $0.rankInA == nil }.map(\.id),
                   dropped: before.filter { !inB.contains($0) })
  }

  /// The list with each id kept at its first rank only.
  static func withoutRepeats<ID: Hashable>(_ list: [ID]) -> [ID] {
    var seen = Set<ID>()
    return list.filter { seen.insert($0).inserted }
  }

  /// X_1 … X_l (index d − 1), the overlap of the two prefixes at each depth down to the longer list's end.
  static func overlapsByDepth<ID: Hashable>(_ shorter: [ID], _ longer: [ID]) -> [Int] {
    var seenInShorter = Set<ID>()
    var seenInLonger = Set<ID>()
    var overlap = 0
    var overlaps: [Int] = []
    overlaps.reserveCapacity(longer.count)
    for depth in 0..<longer.count {
      let fromLonger = longer[depth]
      if seenInShorter.contains(fromLonger) { overlap += 1 }
      seenInLonger.insert(fromLonger)
      if depth < shorter.count {
        let fromShorter = shorter[depth]
        if seenInLonger.contains(fromShorter) { overlap += 1 }
        seenInShorter.insert(fromShorter)
      }
      overlaps.append(overlap)
    }
    return overlaps
  }

  /// Eq. (11) at depth k.
  static func minimum(overlaps: [Int], depth k: Int, p: Double) -> Double {
    let overlapAtK = Double(overlaps[k - 1])
    var sum = 0.0
    var weight = 1.0
    for depth in 1...k {
      weight *= p
      sum += (Double(overlaps[depth - 1]) - overlapAtK) / Double(depth) * weight
    }
    return (1 - p) / p * (sum - overlapAtK * log(1 - p))
  }

  /// Eq. (32) for a shorter list of length s (the longer one's length is `overlaps.count`).
  static func extrapolated(overlaps: [Int], shorterLength s: Int, p: Double) -> Double {
    let l = overlaps.count
    let overlapAtS = Double(overlaps[s - 1])
    let overlapAtL = Double(overlaps[l - 1])
    var agreementSum = 0.0
    var extrapolationSum = 0.0
    var weight = 1.0
    for depth in 1...l {
      weight *= p
      agreementSum += Double(overlaps[depth - 1]) / Double(depth) * weight
      if depth > s {
        extrapolationSum += overlapAtS * Double(depth - s) / Double(s * depth) * weight
      }
    }
    let tail = ((overlapAtL - overlapAtS) / Double(l) + overlapAtS / Double(s)) * weight
    return (1 - p) / p * (agreementSum + extrapolationSum) + tail
  }
}
