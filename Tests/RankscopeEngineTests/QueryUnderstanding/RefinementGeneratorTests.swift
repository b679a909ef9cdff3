import Testing
@testable import RankscopeEngine

/// Refinements: sources, engagement order, and counts/previews equal to running the refined search.
@Suite("RefinementGenerator")
struct RefinementGeneratorTests {
  static let lines = (0..<12).map { index -> String in
    let extra = ["white cabinets", "brass faucet", "oak table", "island"][index % 4]
    return #"{"id":"d\#(index)","body":"kitchen \#(extra) number\#(index)"}"#
  } + (0..<20).map { #"{"id":"g\#($0)","body":"garden rose number\#($0)"}"# }

  /// "kitchen" followed in sessions by "kitchen island" (3 times, all clicked) and "kitchen oak" (once, no click).
  static let log = QueryLog(file: "t", searches: (0..<3).flatMap { user in
    [QueryLog.Search(user: "u\(user)", query: "kitchen", timestamp: 0, shown: [], clicked: []),
     QueryLog.Search(user: "u\(user)", query: "kitchen island", timestamp: 60, shown: ["d3"], clicked: ["d3"])]
  } + [QueryLog.Search(user: "u9", query: "kitchen", timestamp: 0, shown: [], clicked: []),
       QueryLog.Search(user: "u9", query: "kitchen oak", timestamp: 60, shown: ["d2"], clicked: [])])

  @Test("transitions rank by expected engagement with the documented formula; a user's own transitions count more")
  func engagement() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: Self.lines.joined(separator: "\n"))
    let generator = RefinementGenerator(engine: engine, log: Self.log)
    let refinements = try generator.refinements(of: "Kitchen", k: 10)
    #expect(refinements.first?.text == "kitchen island")
    let island = try #require(refinements.first)
    #expect(island.sources.contains(.transition(count: 3, clickedCount: 3, userCount: 0)))
    let prior = 3.0 / 8
    #expect(abs(generator.clickPrior - prior) < 1e-12)
    #expect(abs(island.engagement - 3.0 / 5 * (3 + 2 * prior) / 5) < 1e-12, "transition: (n / (N + 1)) · ctr")
    #expect(island.addedWords == ["island"])
    let oak = try #require(refinements.first { $0.text == "kitchen oak" })
    #expect(oak.sources.first?.name == "transition")
    let personal = try generator.refinements(of: "kitchen", user: "u9", k: 10).first { $0.text == "kitchen oak" }
    #expect(try #require(personal).engagement > oak.engagement)
  }

  @Test("each refinement's matches, preview and overlap equal running the refined search")
  func searched() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: Self.lines.joined(separator: "\n"))
    let refinements = try RefinementGenerator(engine: engine, log: Self.log).refinements(of: "kitchen", k: 10)
    #expect(refinements.count >= 3)
    #expect(refinements.contains { $0.sources.contains { $0.name == "term" } })
    let parentTop = try engine.search(SearchRequest(query: "kitchen", limit: 10)).hits.map(\.id)
    for refinement in refinements {
      let response = try engine.search(SearchRequest(query: refinement.text, limit: 10))
      #expect(refinement.totalMatches == response.totalMatches)
      #expect(refinement.preview.map(\.id) == response.hits.prefix(3).map(\.id))
      #expect(refinement.overlapWithParent == RankOverlap.jaccard(parentTop, response.hits.map(\.id), cutoff: 10))
      #expect(refinement.text.hasPrefix("kitchen "))
    }
  }
}
