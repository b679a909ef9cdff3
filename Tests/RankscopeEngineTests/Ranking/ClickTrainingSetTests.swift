import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Click training set")
struct ClickTrainingSetTests {
  static let propensities = PositionPropensities(ranks: [.init(rank: 1, propensity: 1, evidence: 9),
                                                         .init(rank: 2, propensity: 0.5, evidence: 9),
                                                         .init(rank: 3, propensity: 0.01, evidence: 9)])

  @Test("a search's rows: clicked candidates 1 weighted by the inverse propensity of their rank, others 0 weighing 1")
  func clickRows() {
    let search = QueryLog.Search(query: "q", shown: ["x", "y", "z"], clicked: ["y", "z"])
    let rows = ClickTrainingSet.clickRows(search: search, candidates: ["z", "w", "y", "x"], propensities: Self.propensities,
                                          clip: 0.05)
    #expect(rows.labels == [1, 0, 1, 0])
    #expect(rows.weights == [20, 1, 2, 1])
    #expect(rows.clicked == 2)
    let plain = ClickTrainingSet.clickRows(search: search, candidates: ["z", "w", "y", "x"], propensities: nil, clip: 0.05)
    #expect(plain.weights == [1, 1, 1, 1] && plain.labels == rows.labels)
  }

  @Test("the log split by time: the earliest share as history, the rest in time order")
  func splitByTime() {
    let log = QueryLog(file: "t.jsonl", searches: [
      .init(line: 1, query: "a", timestamp: 30, shown: [], clicked: []),
      .init(line: 2, query: "b", timestamp: 10, shown: [], clicked: []),
      .init(line: 3, query: "c", timestamp: 20, shown: [], clicked: []),
      .init(line: 4, query: "d", timestamp: 10, shown: [], clicked: []),
      .init(line: 5, query: "e", timestamp: 40, shown: [], clicked: []),
    ])
    let (history, later) = log.split(historyFraction: 0.5)
    #expect(history.searches.map(\.line) == [2, 4])
    #expect(later.searches.map(\.line) == [3, 1, 5])
    #expect(log.split(historyFraction: 0).history.searches.isEmpty && log.split(historyFraction: 0).later.searches.count == 5)
  }

  @Test("a deterministic subset spread over the whole log")
  func spreadSubset() {
    #expect(ClickTrainingSet.spreadSubset(Array(0..<10), count: 3) == [0, 3, 6])
    #expect(ClickTrainingSet.spreadSubset(Array(0..<10), count: nil) == Array(0..<10))
    #expect(ClickTrainingSet.spreadSubset(Array(0..<4), count: 9) == Array(0..<4))
    #expect(ClickTrainingSet.spreadSubset(Array(0..<4), count: 0) == [])
  }

  @Test("one group per clicked search, candidates computed once per normalised query; held-out, unclicked and unmatched searches counted")
  func build() throws {
    let engine = try FeatureTestCorpus.engine()
    let profile = try RankProfileParser.parse(#"""
      {"retrieve": {"generators": {"bm25f": 10}}, "l1": {"keep": 3, "weights": {"bm25f": 1}}}
      """#, source: "/p/l1.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    let features = try ProfileFeatures(engine: engine, profile: profile)
    let apple = try features.candidates(query: "apple")
    #expect(apple.ids.count == 3 && !apple.ids.contains("d"))
    let log = QueryLog(file: "log.jsonl", searches: [
      .init(line: 1, query: "apple", shown: ["x", "y", apple.ids[1]], clicked: [apple.ids[1]]),
      .init(line: 2, query: "APPLE", shown: [apple.ids[0], "d"], clicked: [apple.ids[0], "d"]),
      .init(line: 3, query: "pear", shown: ["b"], clicked: []),
      .init(line: 4, query: "apple", shown: ["d"], clicked: ["d"]),
      .init(line: 5, query: "pie", shown: ["a"], clicked: ["a"]),
    ])
    var options = ClickTrainingSet.Options()
    options.excludedQueries = ["pie"]
    let set = try ClickTrainingSet.build(log: log, features: features, propensities: Self.propensities, options: options)
    #expect(set.searchesRead == 5 && set.searchesWithoutClicks == 1 && set.searchesExcluded == 1)
    #expect(set.searchesWithoutClickedCandidates == 1 && set.searchesUsed == 2 && set.searchesBeyondLimit == 0)
    #expect(set.distinctQueries == 1)
    #expect(set.clicksUsed == 2 && set.clicksMissed == 1)
    #expect(set.data.queryIds == ["line1", "line2"])
    #expect(set.data.queryBoundaries == [0, 3, 6])
    #expect(set.data.labels == [0, 1, 0, 1, 0, 0])
    // Line 1's click was at rank 3 (propensity 0.01, clipped to 0.05), line 2's at rank 1.
    #expect(set.rowWeights == [1, 20, 1, 1, 1, 1])
    #expect(set.featureNames == features.featureNames)
    for row in 0..<3 {
      let expected = apple.features.row(row).map { $0.isFinite ? $0 : 0 }
      #expect(Array(set.data.row(row)) == expected)
      #expect(Array(set.data.row(row + 3)) == expected)
    }
    // Without propensities every row weighs 1; a limit keeps an evenly spread subset.
    options.maximumSearches = 1
    let limited = try ClickTrainingSet.build(log: log, features: features, propensities: nil, options: options)
    #expect(limited.rowWeights == [1, 1, 1] && limited.data.queryIds == ["line1"] && limited.searchesBeyondLimit == 2)
  }
}
