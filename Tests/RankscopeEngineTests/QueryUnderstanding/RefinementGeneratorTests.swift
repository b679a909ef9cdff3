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

  @Test("among refinements the log cannot score, words people search with come before never-searched boilerplate")
  func searchedWordsFirst() throws {
    // "boiler" is in every kitchen document (the larger G²), "tile" in four; only "tile" is ever searched.
    let lines = (0..<10).map { #"{"id":"k\#($0)","body":"kitchen boiler \#($0 < 4 ? "tile" : "plain")"}"# }
      + (0..<20).map { #"{"id":"g\#($0)","body":"garden rose"}"# }
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: lines.joined(separator: "\n"))
    let log = QueryLog(file: "t", searches: [
      QueryLog.Search(user: "u1", query: "kitchen", timestamp: 0, shown: [], clicked: []),
      QueryLog.Search(user: "u2", query: "bathroom tile", timestamp: 0, shown: [], clicked: []),
    ])
    let texts = try RefinementGenerator(engine: engine, log: log).refinements(of: "kitchen", k: 10).map(\.text)
    let tile = try #require(texts.firstIndex(of: "kitchen tile"))
    let boiler = try #require(texts.firstIndex(of: "kitchen boiler"))
    #expect(tile < boiler, "\(texts)")
    // Without a log there is nothing to prefer: G² orders them.
    let unlogged = try RefinementGenerator(engine: engine, log: QueryLog(file: "t", searches: []))
      .refinements(of: "kitchen", k: 10).map(\.text)
    #expect(try #require(unlogged.firstIndex(of: "kitchen boiler")) < #require(unlogged.firstIndex(of: "kitchen tile")))
  }
}
