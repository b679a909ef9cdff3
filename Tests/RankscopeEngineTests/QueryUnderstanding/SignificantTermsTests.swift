import Foundation
import Testing
@testable import RankscopeEngine

/// Dunning's G² on hand-made tables and a hand-made corpus.
@Suite("SignificantTerms")
struct SignificantTermsTests {
  @Test("G² matches a hand computation and is 0 for terms not over-represented")
  func formula() {
    // Table: 8 of 10 foreground documents hold the term, 2 of the other 90 do.
    let value = SignificantTerms.logLikelihoodRatio(foregroundFrequency: 8, foregroundSize: 10, backgroundFrequency: 10,
                                                    corpusSize: 100)
    func part(_ k: Double, _ row: Double, _ column: Double) -> Double { k * log(k * 100 / (row * column)) }
    let expected = 2 * (part(8, 10, 10) + part(2, 10, 90) + part(2, 90, 10) + part(88, 90, 90))
    #expect(abs(value - expected) < 1e-9)
    #expect(SignificantTerms.logLikelihoodRatio(foregroundFrequency: 1, foregroundSize: 10, backgroundFrequency: 10,
                                                corpusSize: 100) == 0)
  }

  @Test("in a query's top results, a term frequent there and rare overall ranks first; common words do not")
  func handMadeCorpus() throws {
    var lines: [String] = []
    for index in 0..<6 {
      lines.append(#"{"id":"k\#(index)","body":"kitchen shaker \#(index % 2 == 0 ? "blue" : "green") home"}"#)
    }
    for index in 0..<30 { lines.append(#"{"id":"o\#(index)","body":"home \#(index % 3 == 0 ? "blue" : "garden") ideas"}"#) }
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: lines.joined(separator: "\n"))
    let generator = RefinementGenerator(engine: engine, log: QueryLog(file: "empty", searches: []))
    let hits = try engine.search(SearchRequest(query: "kitchen", limit: 50)).hits.map(\.documentNumber)
    let terms = try generator.significantTerms(hits, query: "kitchen")
    #expect(terms.first?.scored.term == "shaker")
    #expect(terms.first?.scored.foregroundFrequency == 6)
    #expect(terms.first?.scored.backgroundFrequency == 6)
    #expect(!terms.contains { $0.scored.term == "kitchen" }, "the query's own terms are excluded")
    #expect(!terms.contains { $0.scored.term == "home" }, "a word in every document is not significant")
    let refinements = try generator.refinements(of: "kitchen", k: 3)
    #expect(refinements.first?.text == "kitchen shaker", "no log data: terms ordered by G²")
  }
}
