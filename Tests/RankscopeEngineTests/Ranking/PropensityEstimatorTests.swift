import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Propensity estimation (intervention harvesting)")
struct PropensityEstimatorTests {
  /// SplitMix64 draws in [0, 1).
  struct Draws {
    var state: UInt64
    mutating func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((value ^ (value >> 31)) >> 11) * 0x1p-53
    }
    mutating func shuffled<T>(_ items: [T]) -> [T] {
      var items = items
      for index in stride(from: items.count - 1, to: 0, by: -1) {
        items.swapAt(index, Int(uniform() * Double(index + 1)))
      }
      return items
    }
  }

  /// A log drawn from the position-based model: `queries` queries of ten documents (relevance uniform in
  /// 0.05…0.65), each searched `searches` times in a fresh random order, a document clicked with probability
  /// `examination[position] · relevance`.
  static func positionBasedLog(examination: [Double], queries: Int, searches: Int, seed: UInt64) -> QueryLog {
    var draws = Draws(state: seed)
    var log: [QueryLog.Search] = []
    for query in 0..<queries {
      let documents = (0..<examination.count).map { "q\(query)-d\($0)" }
      let relevance = Dictionary(uniqueKeysWithValues: documents.map { ($0, 0.05 + 0.6 * draws.uniform()) })
      for _ in 0..<searches {
        let shown = draws.shuffled(documents)
        let clicked = shown.enumerated().filter { draws.uniform() < examination[$0.offset] * relevance[$0.element]! }.map(\.element)
        log.append(QueryLog.Search(line: log.count + 1, query: "query \(query)", shown: shown, clicked: clicked))
      }
    }
    return QueryLog(file: "synthetic.jsonl", searches: log)
  }

  @Test("a synthetic position-based log: every rank within 0.03 of the true propensity")
  func recoversSyntheticPropensities() throws {
    let truth = [1.0, 0.7, 0.5, 0.4, 0.32, 0.26, 0.22, 0.19, 0.17, 0.15]
    let log = Self.positionBasedLog(examination: truth, queries: 400, searches: 20, seed: 11)
    let estimate = try PropensityEstimator.estimate(log: log)
    #expect(estimate.ranks.count == 10)
    #expect(estimate.harvestedPairs == 4000)
    #expect(estimate.borrowedRanks.isEmpty)
    #expect(estimate.converged)
    #expect(estimate.ranks[0].propensity == 1)
    for (rank, expected) in zip(estimate.ranks, truth) {
      #expect(abs(rank.propensity - expected) < 0.03, "rank \(rank.rank): \(rank.propensity) vs \(expected)")
      #expect(rank.evidence > 20_000, "rank \(rank.rank): \(rank.evidence)")
    }
  }

  @Test("the committed sample query log: every rank within 0.05 of 1/r^0.8",
        .enabled(if: FileManager.default.fileExists(atPath: sampleLog.path), "SampleData/query-log.jsonl is absent: skipped"))
  func recoversSampleWorldPropensities() throws {
    let log = try QueryLog.read(path: Self.sampleLog.path)
    #expect(log.searches.count == 20_000)
    let estimate = try PropensityEstimator.estimate(log: log)
    #expect(estimate.ranks.count == 10)
    // 9,731 (normalised query, pin) pairs were shown at two ranks or more.
    #expect(estimate.harvestedPairs == 9_731)
    #expect(estimate.borrowedRanks.isEmpty)
    for rank in estimate.ranks {
      let truth = 1 / pow(Double(rank.rank), 0.8)
      #expect(abs(rank.propensity - truth) < 0.05, "rank \(rank.rank): \(rank.propensity) vs \(truth)")
      #expect(rank.evidence > 0)
    }
  }

  static var sampleLog: URL { TestCorpus.repositoryRoot.appendingPathComponent("SampleData/query-log.jsonl") }

  @Test("harvesting: per ordered pair of positions, pairs counted and click-through rates summed")
  func harvestsByHand() throws {
    let log = QueryLog(file: "hand.jsonl", searches: [
      .init(query: "Red Shoes", shown: ["a", "b"], clicked: ["a"]),
      .init(query: "red  shoes", shown: ["b", "a"], clicked: []),
      .init(query: "red shoes", shown: ["b", "a"], clicked: ["a"]),
      .init(query: "blue", shown: ["a", "c"], clicked: ["c"]),
    ])
    let interventions = PropensityEstimator.harvest(log: log)
    // (red shoes, a): position 0 once, clicked once; position 1 twice, clicked once. (red shoes, b): 0 twice, 1 once, never clicked.
    #expect(interventions.groups == 2)
    #expect(interventions.pairs == [[0, 2], [2, 0]])
    #expect(interventions.clickRates == [[0, 1], [0.5, 0]])
    #expect(interventions.evidence(position: 1) == 2)
  }

  @Test("one step of the fit by hand")
  func oneStepByHand() {
    let interventions = PropensityEstimator.Interventions(pairs: [[0, 2], [2, 0]], clickRates: [[1, 0.8], [0.4, 0]], groups: 2)
    // r = (0.8 + 0.4) / (1·2 + 1·2) = 0.3; p0 = 0.8 / (2·0.3), p1 = 0.4 / (2·0.3); normalised p1 = 0.5.
    #expect(PropensityEstimator.step(propensities: [1, 1], interventions: interventions) == [1, 0.5])
    let estimate = try? PropensityEstimator.estimate(interventions: interventions)
    #expect(estimate?.ranks.map(\.propensity) == [1, 0.5])
  }

  @Test("a rank without evidence borrows the nearest estimated rank's propensity, and says so")
  func borrowsForRanksWithoutEvidence() throws {
    // Documents move between ranks 1 and 2 only; rank 3 is always the same document.
    var searches: [QueryLog.Search] = []
    for index in 0..<40 {
      let shown = index % 2 == 0 ? ["a", "b", "c"] : ["b", "a", "c"]
      let clicked = [index % 2 == 0 ? "a" : "b", index % 4 < 2 ? shown[1] : nil, "c"].compactMap { $0 }
      searches.append(.init(query: "q", shown: shown, clicked: Array(Set(clicked)).sorted()))
    }
    let estimate = try PropensityEstimator.estimate(log: QueryLog(file: "two.jsonl", searches: searches))
    #expect(estimate.ranks.count == 3)
    #expect(estimate.ranks[2].evidence == 0)
    #expect(estimate.ranks[2].borrowedFrom == 2)
    #expect(estimate.ranks[2].propensity == estimate.ranks[1].propensity)
    #expect(estimate.borrowedRanks == [3])
    #expect(estimate.ranks[1].borrowedFrom == nil)
  }

  @Test("a log where every document always sits at the same rank cannot be estimated")
  func refusesLogWithoutInterventions() {
    let searches = (0..<50).map { QueryLog.Search(query: "q\($0 % 5)", shown: ["a\($0 % 5)", "b\($0 % 5)", "c"], clicked: ["a\($0 % 5)"]) }
    #expect {
      _ = try PropensityEstimator.estimate(log: QueryLog(file: "fixed.jsonl", searches: searches))
    } throws: { error in
      "\(error)".contains("fixed.jsonl: cannot estimate position bias") && "\(error)".contains("position-varying")
    }
    #expect(throws: PropensityEstimator.EstimationError.self) {
      _ = try PropensityEstimator.estimate(log: QueryLog(file: "empty.jsonl", searches: []))
    }
  }

  @Test("malformed lines name the file and the line")
  func malformedLines() {
    let cases: [(String, String)] = [
      ("{\"query\":\"a\",\"ts\":1,\"shown\":[\"x\"],\"clicked\":[]}\n{\"query\":\"b\",", "log.jsonl:2: malformed JSON"),
      ("{\"query\":\"a\",\"ts\":1,\"shown\":[\"x\"],\"clicked\":[\"y\"]}", "log.jsonl:1: clicked \"y\" was not shown"),
      ("\n\n{\"query\":3,\"ts\":1,\"shown\":[],\"clicked\":[]}", "log.jsonl:3: \"query\" must be a string"),
      ("{\"query\":\"a\",\"ts\":1,\"shown\":\"x\",\"clicked\":[]}", "log.jsonl:1: \"shown\" must be an array"),
    ]
    for (text, expected) in cases {
      #expect {
        _ = try QueryLog.parse(Array(text.utf8), file: "log.jsonl")
      } throws: { error in
        "\(error)".hasPrefix(expected)
      }
    }
  }

  @Test("inverse-propensity weights: 1/p, clipped from below")
  func weights() {
    let propensities = PositionPropensities(ranks: [.init(rank: 1, propensity: 1, evidence: 5),
                                                    .init(rank: 2, propensity: 0.5, evidence: 5),
                                                    .init(rank: 3, propensity: 0.01, evidence: 5)])
    #expect(propensities.weight(rank: 1) == 1)
    #expect(propensities.weight(rank: 2) == 2)
    #expect(propensities.weight(rank: 3) == 20)
    #expect(propensities.weight(rank: 3, clip: 0.1) == 10)
    #expect(propensities.weight(rank: 7, clip: 0.1) == 10)
  }
}
