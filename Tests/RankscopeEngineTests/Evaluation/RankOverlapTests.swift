import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Rank overlap")
struct RankOverlapTests {
  /// One reference case from `scripts/make-overlap-fixtures.py` (exact rational arithmetic in Python).
  struct Reference: Sendable, CustomStringConvertible {
    var name: String
    var a: [String]
    var b: [String]
    var p: Double
    var extrapolated: Double
    var minimum: Double
    var jaccardAt3: Double
    var description: String { name }
  }

  static let references: [Reference] = [
    .init(name: "swap at the top", a: ["1", "2", "3", "4", "5"], b: ["2", "3", "4", "1", "5"], p: 0.9,
          extrapolated: 0.828, minimum: 0.4999889405522478, jaccardAt3: 0.5),
    .init(name: "same length, partly disjoint", a: ["a", "b", "c", "d", "e", "f"], b: ["b", "x", "a", "y", "f", "c"], p: 0.9,
          extrapolated: 0.555354, minimum: 0.37167715244179816, jaccardAt3: 0.5),
    .init(name: "different lengths", a: ["a", "b", "c", "d", "e", "f", "g", "h"], b: ["c", "a", "z", "b"], p: 0.9,
          extrapolated: 0.64575, minimum: 0.3505283643313486, jaccardAt3: 0.5),
    .init(name: "different lengths, shorter first", a: ["q", "r", "s"], b: ["r", "t", "q", "u", "v", "s", "w"], p: 0.9,
          extrapolated: 0.6707616428571429, minimum: 0.26668557622089906, jaccardAt3: 0.5),
    .init(name: "p = 0.5", a: ["a", "b", "c", "d"], b: ["b", "a", "d", "c"], p: 0.5,
          extrapolated: 0.4583333333333333, minimum: 0.43925538890644766, jaccardAt3: 0.5),
    .init(name: "p = 0.98, reversed", a: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
          b: ["10", "9", "8", "7", "6", "5", "4", "3", "2", "1"], p: 0.98,
          extrapolated: 0.8780443726553535, minimum: 0.30063820056815166, jaccardAt3: 0.0),
    .init(name: "prefix of the other", a: ["a", "b", "c"], b: ["a", "b", "c", "d", "e"], p: 0.9,
          extrapolated: 1.0, minimum: 0.5225283643313486, jaccardAt3: 1.0),
    .init(name: "disjoint", a: ["a", "b", "c"], b: ["x", "y", "z", "w"], p: 0.9,
          extrapolated: 0.0, minimum: 0.0, jaccardAt3: 0.0),
    .init(name: "identical", a: ["a", "b", "c", "d"], b: ["a", "b", "c", "d"], p: 0.9,
          extrapolated: 1.0, minimum: 0.6063711524417982, jaccardAt3: 1.0),
  ]

  @Test("RBO_ext, RBO_min and Jaccard@3 equal the Python reference, in both argument orders", arguments: references)
  func reference(_ reference: Reference) throws {
    for (a, b) in [(reference.a, reference.b), (reference.b, reference.a)] {
      let overlap = try RankOverlap.rankBiasedOverlap(a, b, persistence: reference.p)
      #expect(abs(overlap.extrapolated - reference.extrapolated) < 1e-12)
      #expect(abs(overlap.minimum - reference.minimum) < 1e-12)
      #expect(abs(RankOverlap.jaccard(a, b, cutoff: 3) - reference.jaccardAt3) < 1e-15)
    }
  }

  @Test("the paper's properties: bounds, identity, disjointness, top-weightedness")
  func properties() throws {
    let list = (1...20).map { "d\($0)" }
    // Identical lists: RBO_ext = 1 whatever p; RBO_min = 1 − p^k·(…) grows toward 1 with depth.
    for p in [0.1, 0.5, 0.9, 0.98] {
      #expect(abs(try RankOverlap.rankBiasedOverlap(list, list, persistence: p).extrapolated - 1) < 1e-12)
    }
    #expect(try RankOverlap.rankBiasedOverlap(list, list).minimum > RankOverlap.rankBiasedOverlap(Array(list.prefix(5)), Array(list.prefix(5))).minimum)
    // Disjoint lists: 0.
    let other = (1...20).map { "e\($0)" }
    #expect(try RankOverlap.rankBiasedOverlap(list, other) == .init(minimum: 0, extrapolated: 0))
    // Top-weighted: a swap at the top costs more than the same swap at the bottom.
    var topSwapped = list
    topSwapped.swapAt(0, 1)
    var bottomSwapped = list
    bottomSwapped.swapAt(18, 19)
    let top = try RankOverlap.rankBiasedOverlap(list, topSwapped)
    let bottom = try RankOverlap.rankBiasedOverlap(list, bottomSwapped)
    #expect(top.extrapolated < bottom.extrapolated)
    #expect(top.minimum < bottom.minimum)
    // Within [0, 1], and the lower bound never above the point estimate, on shuffled prefixes of all lengths.
    var generator = SamplingGenerator(seed: 7)
    for _ in 0..<200 {
      let a = Array(list.shuffled(using: &generator).prefix(Int(generator.next() % 21)))
      let b = Array((list + other).shuffled(using: &generator).prefix(Int(generator.next() % 31)))
      let overlap = try RankOverlap.rankBiasedOverlap(a, b)
      #expect(overlap.minimum >= -1e-12 && overlap.minimum <= overlap.extrapolated + 1e-12)
      #expect(overlap.extrapolated <= 1 + 1e-12)
      #expect(try RankOverlap.rankBiasedOverlap(b, a) == overlap)
    }
  }

  @Test("empty lists, repeated ids and a bad persistence")
  func edges() throws {
    let none: [String] = []
    #expect(try RankOverlap.rankBiasedOverlap(none, none) == .init(minimum: 1, extrapolated: 1))
    #expect(try RankOverlap.rankBiasedOverlap(none, ["a"]) == .init(minimum: 0, extrapolated: 0))
    #expect(RankOverlap.jaccard(none, none, cutoff: 10) == 1)
    #expect(RankOverlap.jaccard(["a"], none, cutoff: 10) == 0)
    #expect(RankOverlap.jaccard(["a", "b", "c"], ["c", "b", "a"], cutoff: 0) == 1)
    #expect(RankOverlap.jaccard(["a", "b", "c", "d"], ["b", "e", "a", "f"], cutoff: 2) == 1.0 / 3)
    // A repeat counts at its first rank only.
    #expect(try RankOverlap.rankBiasedOverlap(["a", "a", "b"], ["a", "b"]) == RankOverlap.rankBiasedOverlap(["a", "b"], ["a", "b"]))
    for p in [0, 1, -0.5, 1.5, Double.nan] {
      #expect(throws: ComparisonError.self) { try RankOverlap.rankBiasedOverlap(["a"], ["a"], persistence: p) }
    }
    #expect(ComparisonError.invalidParameter(name: "RBO persistence p", value: 1, expected: "a number between 0 and 1 (exclusive)").description
      == "RBO persistence p is 1.0, expected a number between 0 and 1 (exclusive)")
  }

  @Test("changes: moves with ranks, entered and dropped documents")
  func changes() {
    let changes = RankOverlap.changes(from: ["a", "b", "c", "d"], to: ["c", "a", "e", "b"])
    #expect(changes.moves.map(\.id) == ["c", "a", "e", "b"])
    #expect(changes.moves.map(\.rankInA) == [3, 1, nil, 2])
    #expect(changes.moves.map(\.rankInB) == [1, 2, 3, 4])
    #expect(changes.moves.map(\.placesUp) == [2, -1, nil, -2])
    #expect(changes.entered == ["e"])
    #expect(changes.dropped == ["d"])
    let same = RankOverlap.changes(from: [1, 2], to: [1, 2])
    #expect(same.moves.map(\.placesUp) == [0, 0] && same.entered.isEmpty && same.dropped.isEmpty)
  }
}
